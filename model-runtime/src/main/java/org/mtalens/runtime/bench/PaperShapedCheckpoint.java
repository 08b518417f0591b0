package org.mtalens.runtime.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mtalens.runtime.checkpoint.PthWriter;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.ModelConfigReader;

/**
 * Writes a random checkpoint of the paper's 830M shape in the official layout ({@code consolidated/consolidated.pth}
 * + {@code params.json}): dim 1536, 24 layers, 16 heads, vocab 128,256, 6x11 key-query kernels before and after
 * softmax on layers 2, 6, ..., 22, head convolution of 2 on every layer, group norm with depth rescale, tied output
 * (3.5 GB of fp32). Weights: uniform with the official std (dim^-0.5), kernels near the identity, norms near 1.
 */
public final class PaperShapedCheckpoint {
    /** The official training config of the 830M shape (max_seqlen 8192 so that long inputs can be tried). */
    static final String PARAMS = """
            {"name": "paper-830m-shape", "seed": 77,
             "model": {"dim": 1536, "n_layers": 24, "n_heads": 16, "multiple_of": 256, "norm_eps": 1e-05,
                       "rope_theta": 500000.0, "max_seqlen": 8192, "vocab_size": 128256, "weight_tying": true,
                       "mta": {"use_mta": true, "query_kernel_size": 6, "key_kernel_size": 11, "pad_key": "both",
                               "mta_layers": "2,6,10,14,18,22", "after_sm_query_kernel_size": 6,
                               "after_sm_key_kernel_size": 11, "init_method": "identity", "head_kernel_size": 2,
                               "group_norm": true, "layer_norm_rescale": true, "gate_1d": true}},
             "data": {"tokenizer": {"name": "bytes", "path": null}}}
            """;

    private PaperShapedCheckpoint() {
    }

    /** @return the 830M shape, as {@link #write} writes it in params.json (no weights written) */
    public static ModelConfig config() throws IOException {
        Path params = Files.createTempFile("paper-830m-shape-", ".json");
        try {
            Files.writeString(params, PARAMS);
            return ModelConfigReader.readParamsJson(params);
        } finally {
            Files.deleteIfExists(params);
        }
    }

    /** @return the folder written ({@code folder}), holding {@code consolidated/} */
    public static Path write(Path folder, long seed) throws IOException {
        Path consolidated = Files.createDirectories(folder.resolve("consolidated"));
        Path params = consolidated.resolve("params.json");
        Files.writeString(params, PARAMS);
        ModelConfig config = ModelConfigReader.readParamsJson(params);
        Map<String, long[]> shapes = config.expectedTensorShapes();
        List<PthWriter.Entry> entries = PthWriter.entries(shapes, Map.of("output.tied_module.weight", "tok_embeddings.weight"));
        Map<String, String> nameOfStorage = new java.util.HashMap<>();
        entries.forEach(e -> nameOfStorage.putIfAbsent(e.storage(), e.name()));
        PthWriter.write(consolidated.resolve("consolidated.pth"), entries, PthWriter.storagesOf(entries),
                (storage, bytes) -> fill(nameOfStorage.get(storage), shapes.get(nameOfStorage.get(storage)), config,
                        new SplittableRandom(seed * 31 + storage.hashCode()), bytes));
        return folder;
    }

    private static void fill(String name, long[] shape, ModelConfig config, SplittableRandom random, byte[] bytes) {
        FloatBuffer values = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        int count = values.capacity();
        double std = name.equals("tok_embeddings.weight") ? 1.0
                : name.endsWith("feed_forward.w2.weight") ? Math.pow(shape[1], -0.5) : Math.pow(config.dim(), -0.5);
        boolean norm = name.endsWith("norm.weight") || name.endsWith("subln.weight");
        boolean kernel = name.endsWith("mta_kernel") || name.endsWith("mta_kernel_after_sm");
        double half = Math.sqrt(3) * (norm || kernel ? 0.1 : name.endsWith("head_kernel") ? 0.2 : std); // uniform(-a, a) has std a/sqrt(3)
        for (int i = 0; i < count; i++) {
            values.put(i, (float) ((norm ? 1 : 0) + (random.nextDouble() * 2 - 1) * half));
        }
        if (kernel) { // identity: row c_q-1, column c_k/2 of each head's kernel
            int rows = (int) shape[2];
            int columns = (int) shape[3];
            for (int h = 0; h < shape[0]; h++) {
                int tap = (h * rows + rows - 1) * columns + columns / 2;
                values.put(tap, values.get(tap) + 1f);
            }
        } else if (name.endsWith("head_kernel")) { // identity per group: [G, c, c]
            int c = (int) shape[1];
            for (int g = 0; g < shape[0]; g++) {
                for (int j = 0; j < c; j++) {
                    int tap = (g * c + j) * c + j;
                    values.put(tap, values.get(tap) + 1f);
                }
            }
        }
    }
}
