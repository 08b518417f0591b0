package org.mtalens.runtime.run;

import java.util.List;
import java.util.Optional;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.tokenizer.BosToken;
import org.mtalens.runtime.tokenizer.RawTokenIds;
import org.mtalens.runtime.tokenizer.Token;
import org.mtalens.runtime.tokenizer.Tokenizer;
import org.mtalens.runtime.tokenizer.TokenizerLookup;

/**
 * What the user gave to run, as token ids with a label (and, for text, a character span) for each:
 * typed ids, or text encoded with the checkpoint's tokenizer.
 *
 * @param ids      the token ids
 * @param tokens   one token per id, with its visible label
 * @param bosAdded whether the first id is the tokenizer's BOS, put before the text by MTA Lens
 */
public record ModelInput(int[] ids, List<Token> tokens, boolean bosAdded) {
    public ModelInput {
        ids = ids.clone();
        tokens = List.copyOf(tokens);
    }

    /** An input with no BOS added. */
    public ModelInput(int[] ids, List<Token> tokens) {
        this(ids, tokens, false);
    }

    /** Typed ids ({@code 3,17,5}), labelled by the tokenizer when there is one, else by their numbers. */
    public static ModelInput ofIds(String typed, int vocabularySize, Optional<Tokenizer> tokenizer) {
        int[] ids = RawTokenIds.parse(typed, vocabularySize);
        List<Token> tokens = tokenizer.filter(t -> allWithin(ids, t.vocabularySize())).map(t -> t.describe(ids))
                .orElseGet(() -> RawTokenIds.describe(ids));
        return new ModelInput(ids, tokens);
    }

    /** Text encoded with the checkpoint's tokenizer; without one, an error that says why and what to do. */
    public static ModelInput ofText(String text, TokenizerLookup lookup, BosToken bos) {
        Tokenizer tokenizer = lookup.tokenizer().orElseThrow(() -> new InvalidInputException(
                "cannot encode text: " + lookup.message() + "; name a tokenizer file, or give raw token ids"));
        List<Token> tokens = tokenizer.encode(text, bos);
        boolean bosAdded = bos == BosToken.ADD && !tokens.isEmpty() && tokenizer.bosId().isPresent()
                && tokens.get(0).id() == tokenizer.bosId().getAsInt();
        return new ModelInput(tokens.stream().mapToInt(Token::id).toArray(), tokens, bosAdded);
    }

    /**
     * Checks the input against the model ({@link ModelRunner#validate(ModelConfig, int[], boolean)}); a BOS the
     * tokenizer put first that the model does not have is named as the BOS, with the way to leave it out.
     */
    public void validateFor(ModelConfig config, boolean allowLonger) {
        if (bosAdded && ids[0] >= config.vocabSize()) {
            throw new InvalidInputException("the BOS token (id " + ids[0] + ") that the tokenizer puts before the text is"
                    + " outside the vocabulary of the model (ids 0 to " + (config.vocabSize() - 1) + "): is the tokenizer the"
                    + " checkpoint's?", "--no-bos leaves the BOS out");
        }
        ModelRunner.validate(config, ids, allowLonger);
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    /** @return one visible label per token, for axes and chips */
    public List<String> labels() {
        return tokens.stream().map(Token::label).toList();
    }

    private static boolean allWithin(int[] ids, int vocabularySize) {
        for (int id : ids) {
            if (id >= vocabularySize) {
                return false;
            }
        }
        return true;
    }
}
