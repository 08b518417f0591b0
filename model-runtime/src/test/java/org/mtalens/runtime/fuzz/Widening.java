package org.mtalens.runtime.fuzz;

import java.util.Map;
import org.mtalens.runtime.checkpoint.Tensor;

/** Widens what a reader accepted, so a fuzz run also checks that accepted tensors are readable. */
final class Widening {
    /** Tensors a valid fuzz input can hold are small; larger ones are counted, not widened. */
    private static final long MAX_ELEMENTS = 1 << 20;

    private Widening() {
    }

    /** @return the number of values widened; each tensor's values must match its element count */
    static long widenAll(Map<String, Tensor> tensors) {
        long widened = 0;
        for (Tensor t : tensors.values()) {
            if (t.elementCount() <= MAX_ELEMENTS) {
                float[] values = t.toFloatArray();
                if (values.length != t.elementCount()) {
                    throw new IllegalStateException(t + " widened to " + values.length + " values");
                }
                widened += values.length;
            }
        }
        return widened;
    }
}
