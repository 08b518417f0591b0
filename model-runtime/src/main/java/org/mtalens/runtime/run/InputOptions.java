package org.mtalens.runtime.run;

import java.nio.file.Path;
import java.util.Optional;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.tokenizer.BosToken;
import org.mtalens.runtime.tokenizer.TokenizerLookup;
import org.mtalens.runtime.tokenizer.Tokenizers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The command line's input, shared by the commands that run a checkpoint ({@code @Mixin}): raw ids with
 * {@code --tokens}, or {@code --text} encoded with the checkpoint's tokenizer (or {@code --tokenizer FILE}),
 * BOS first unless {@code --no-bos}.
 */
public final class InputOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Given given;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "tokenizer file (tokenizer.json or a tiktoken tokenizer.model), when it is not beside the checkpoint")
    Path tokenizerFile;

    @Option(names = "--no-bos", description = "do not put the tokenizer's BOS token before --text (training puts it there)")
    boolean noBos;

    /** Exactly one way to give the input. */
    static final class Given {
        @Option(names = "--tokens", paramLabel = "IDS", required = true, description = "raw token ids, e.g. 3,17,5")
        String tokens;

        @Option(names = "--text", paramLabel = "TEXT", required = true, description = "text, encoded with the checkpoint's tokenizer")
        String text;
    }

    /** @return the checkpoint's tokenizer, or the one named by {@code --tokenizer}, if any */
    public TokenizerLookup tokenizer(Checkpoint checkpoint) {
        return Tokenizers.forCheckpoint(checkpoint.config().tokenizer(), checkpoint.source().getParent(),
                Optional.ofNullable(tokenizerFile));
    }

    /** @return the input as token ids with labels; bad ids or text that cannot be encoded are bad input */
    public ModelInput read(Checkpoint checkpoint, TokenizerLookup lookup) {
        return given.text != null
                ? ModelInput.ofText(given.text, lookup, noBos ? BosToken.OMIT : BosToken.ADD)
                : ModelInput.ofIds(given.tokens, checkpoint.config().vocabSize(), lookup.tokenizer());
    }
}
