package org.mtalens.runtime.tokenizer;

import java.util.Optional;

/**
 * What {@link Tokenizers#forCheckpoint} found: a tokenizer and where it came from, or none and why
 * (the UI then offers raw token ids only and shows {@link #message()}).
 *
 * @param tokenizer the tokenizer, or empty when none could be found
 * @param message one sentence for the user: where the tokenizer came from, or "raw token ids only, because ..."
 */
public record TokenizerLookup(Optional<Tokenizer> tokenizer, String message) {
    static TokenizerLookup found(Tokenizer tokenizer, String source) {
        return new TokenizerLookup(Optional.of(tokenizer), tokenizer.name() + " " + source);
    }

    static TokenizerLookup rawIdsOnly(String reason) {
        return new TokenizerLookup(Optional.empty(), "raw token ids only, because " + reason);
    }

    /** Whether only raw token ids can be used. */
    public boolean rawIdsOnly() {
        return tokenizer.isEmpty();
    }
}
