package org.mtalens.runtime.run;

import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.model.Trace;

/**
 * What {@code run} warns about (text and {@code --json}, and an export's {@code meta.json}): the checkpoint's
 * loading warnings (non-finite weights), positions beyond max_seqlen run with {@code --allow-longer}, and NaN
 * or infinite logits ({@link Trace#logitWarning()}).
 */
public final class RunWarnings {
    private RunWarnings() {
    }

    /** @param lastPosition the last position the run (with its generated tokens) reaches */
    static List<String> of(Checkpoint checkpoint, Trace result, int lastPosition) {
        List<String> warnings = new ArrayList<>(checkpoint.warnings());
        int maxSeqlen = checkpoint.config().maxSeqlen();
        if (lastPosition >= maxSeqlen) {
            warnings.add(beyondMaxSeqlen(lastPosition, maxSeqlen));
        }
        result.logitWarning().ifPresent(warnings::add);
        return List.copyOf(warnings);
    }

    /** The warning of {@code --allow-longer}. */
    public static String beyondMaxSeqlen(int lastPosition, int maxSeqlen) {
        return "the run reaches position " + lastPosition + ", beyond max_seqlen " + maxSeqlen + " (--allow-longer):"
                + " RoPE has no hard limit, but the model was trained on positions 0 to " + (maxSeqlen - 1)
                + ", so what it does beyond them is extrapolation";
    }
}
