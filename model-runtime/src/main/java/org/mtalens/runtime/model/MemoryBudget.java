package org.mtalens.runtime.model;

import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;

/**
 * The most heap a capture may take. Checked before a run, so an over-large request fails with a
 * message that says what it needs, never with an OutOfMemoryError.
 *
 * @param bytes the budget in bytes
 */
public record MemoryBudget(long bytes) {
    /** The default: 40% of the maximum heap. */
    public static MemoryBudget defaultBudget() {
        return new MemoryBudget((long) (Runtime.getRuntime().maxMemory() * 0.4));
    }

    /** @return the bytes a capture of {@code selection} over {@code tokens} tokens needs */
    public static long captureBytes(ModelConfig config, CaptureSelection selection, int tokens) {
        return selection.mapCount(config) * AttentionMap.bytes(tokens);
    }

    /** Throws an {@link InvalidInputException} that suggests a narrower selection when the capture does not fit. */
    public void check(ModelConfig config, CaptureSelection selection, int tokens) {
        long needed = captureBytes(config, selection, tokens);
        if (needed > bytes) {
            throw new InvalidInputException(String.format(
                    "capturing %d maps of %dx%d needs %s, more than the memory budget of %s; capture fewer "
                            + "layers, stages or heads, or give a shorter input",
                    selection.mapCount(config), tokens, tokens, megabytes(needed), megabytes(bytes)),
                    "e.g. --layers 0 --stages final");
        }
    }

    /**
     * Checks a trace of {@code tokens} tokens (its residual stream per layer) plus the maps it captures, with a
     * message in the user's words.
     */
    public void checkTrace(ModelConfig config, CaptureSelection selection, int tokens) {
        long needed = Trace.bytes(config, tokens) + captureBytes(config, selection, tokens);
        if (needed > bytes) {
            throw new InvalidInputException(String.format("an input of %d tokens needs %s to keep each layer's input and "
                    + "the maps shown, more than the memory budget of %s (40%% of the Java heap); give Java more memory "
                    + "or a shorter input", tokens, megabytes(needed), megabytes(bytes)), "JAVA_OPTS=-Xmx...");
        }
    }

    /** @return whether {@code maps} maps of T x T (their causal triangles) fit the budget */
    public boolean fitsMaps(long maps, int tokens) {
        return maps * AttentionMap.bytes(tokens) <= bytes;
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
