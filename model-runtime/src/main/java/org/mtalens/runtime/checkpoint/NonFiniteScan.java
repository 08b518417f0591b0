package org.mtalens.runtime.checkpoint;

/** Counts NaN and infinite values of a tensor (F16/BF16 NaN and infinities widen to fp32 ones exactly). */
final class NonFiniteScan {
    private NonFiniteScan() {
    }

    /** @return how many elements are NaN or +-infinity; read from the file, never through its mapping */
    static long count(Tensor tensor) {
        long[] count = {0};
        tensor.forEachChunk((start, values, n) -> {
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(values[i])) {
                    count[0]++;
                }
            }
        });
        return count[0];
    }
}
