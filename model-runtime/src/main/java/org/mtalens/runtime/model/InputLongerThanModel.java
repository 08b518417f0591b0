package org.mtalens.runtime.model;

import org.mtalens.runtime.InvalidInputException;

/**
 * An input longer than the checkpoint's {@code max_seqlen}. It can run on purpose (RoPE has no hard limit): the command
 * line says how ({@code --allow-longer}), the app offers its own switch.
 */
public final class InputLongerThanModel extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InputLongerThanModel(int tokens, int maxSeqlen) {
        super("the input has " + tokens + " tokens, more than max_seqlen " + maxSeqlen, "--allow-longer runs it anyway");
    }
}
