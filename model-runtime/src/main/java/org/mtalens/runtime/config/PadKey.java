package org.mtalens.runtime.config;

/** Where the key axis of a key-query convolution is padded (the official {@code pad_key}). */
public enum PadKey {
    /** (c_k-1)/2 on each side; c_k must be odd. Kernel column c_k/2 is the current key. */
    BOTH,
    /** c_k-1 on the left (past keys); kernel column c_k-1 is the current key. */
    LEFT,
    /** c_k-1 on the right (later keys); kernel column 0 is the current key. */
    RIGHT;

    /** @return keys of padding before key 0 for a kernel c_k wide */
    public int leftPadding(int keyKernelSize) {
        return switch (this) {
            case BOTH -> (keyKernelSize - 1) / 2;
            case LEFT -> keyKernelSize - 1;
            case RIGHT -> 0;
        };
    }

    /** @return the kernel column that sees the key at offset 0 from the output cell */
    public int currentKeyColumn(int keyKernelSize) {
        return leftPadding(keyKernelSize);
    }

    /** @return the name as in params.json */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
