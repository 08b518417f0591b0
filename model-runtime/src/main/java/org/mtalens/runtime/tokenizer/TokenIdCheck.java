package org.mtalens.runtime.tokenizer;

import java.util.ArrayList;
import java.util.List;

import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.TokenPosition;

/** Refuses token ids outside a vocabulary, naming the id and its position. */
final class TokenIdCheck {
    private TokenIdCheck() {
    }

    static void requireInVocabulary(int[] ids, int vocabularySize, String tokenizerName) {
        for (int position = 0; position < ids.length; position++) {
            int id = ids[position];
            if (id < 0 || id >= vocabularySize) {
                throw new InvalidInputException(TokenPosition.of(position, id) + " is outside the vocabulary of "
                        + tokenizerName + " (ids 0 to " + (vocabularySize - 1) + ")");
            }
        }
    }

    /** The tokens of {@code ids} from a table indexed by id, after checking every id is in it. */
    static List<Token> describe(int[] ids, Token[] byId, int vocabularySize, String tokenizerName) {
        requireInVocabulary(ids, vocabularySize, tokenizerName);
        List<Token> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            tokens.add(byId[id]);
        }
        return List.copyOf(tokens);
    }
}
