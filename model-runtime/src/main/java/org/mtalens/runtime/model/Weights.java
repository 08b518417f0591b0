package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;

/** The model's parameters as fp32 arrays on the compute device, by official state-dict key. */
public interface Weights {
    /** @return the array for {@code key}; never null for a key the config expects */
    NDArray get(String key);

    /** @return the array for {@code key}, or null when the checkpoint has none */
    NDArray find(String key);
}
