package org.mtalens.samples;

/** Tiny training configs for tests: a 1-layer model on a short task. */
final class TinyConfigs {
    private TinyConfigs() {
    }

    static ToyTrainingConfig config(boolean mta, int steps, int saveEvery) {
        return ToyTrainingConfig.parse(json(mta, steps, saveEvery), "tiny.json");
    }

    /** @return the config file text of {@link #config} */
    static String json(boolean mta, int steps, int saveEvery) {
        return """
                {"model": {"dim": 32, "n_layers": 1, "n_heads": 2, "multiple_of": 16, "rope_theta": 100000,
                           "weight_tying": true, "max_seqlen": 32, "vocab_size": 32,
                           "mta": {"use_mta": %s, "query_kernel_size": 2, "key_kernel_size": 5, "pad_key": "both"}},
                 "task": {"block_length": 3, "query_letters": 2, "blocks": 4},
                 "training": {"steps": %d, "batch_size": 8, "lr": 0.003, "warmup": 2, "min_lr_ratio": 1.0,
                              "beta1": 0.9, "beta2": 0.98, "eps": 1e-8, "weight_decay": 0.0, "clip": 1.0,
                              "save_every": %d}}
                """.formatted(mta, steps, saveEvery);
    }
}
