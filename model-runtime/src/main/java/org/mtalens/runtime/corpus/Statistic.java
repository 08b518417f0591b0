package org.mtalens.runtime.corpus;

import java.util.function.ToDoubleFunction;

/** The per-head statistics of a corpus, by the column names the tables and {@code summary.json} use. */
public enum Statistic {
    MTA_CHANGE("mta_change", "MTA change (JS divergence, nats)", HeadStatistics::mtaChange),
    CLIPPED_SHARE("clipped_share", "clipped share of final rows", HeadStatistics::clippedShare),
    SOFTMAX_ENTROPY("softmax_entropy", "entropy at softmax (nats)", HeadStatistics::softmaxEntropy),
    FINAL_ENTROPY("final_entropy", "entropy at final (nats)", HeadStatistics::finalEntropy),
    MEAN_DISTANCE("mean_distance", "mean attention distance (tokens)", HeadStatistics::meanDistance),
    SINK_MASS("sink_mass", "sink mass (weight on token 0)", HeadStatistics::sinkMass),
    NEGATIVE_SHARE("negative_share", "share of negative weight", HeadStatistics::negativeShare),
    TARGET_MASS("target_mass", "mass on the target block at the answer", HeadStatistics::targetMass);

    private final String id;
    private final String title;
    private final ToDoubleFunction<HeadStatistics> value;

    Statistic(String id, String title, ToDoubleFunction<HeadStatistics> value) {
        this.id = id;
        this.title = title;
        this.value = value;
    }

    /** @return the column name, e.g. {@code mta_change} */
    public String id() {
        return id;
    }

    /** @return a label for menus and legends */
    public String title() {
        return title;
    }

    /** @return this statistic of one head on one document */
    public double of(HeadStatistics statistics) {
        return value.applyAsDouble(statistics);
    }

    @Override
    public String toString() {
        return title;
    }
}
