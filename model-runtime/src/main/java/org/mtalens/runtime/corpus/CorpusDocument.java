package org.mtalens.runtime.corpus;

import java.util.Optional;

/**
 * One document of a corpus, as read: text to encode with the checkpoint's tokenizer, or token ids; for
 * find-the-block instances, where the target is.
 *
 * @param id     the document's id, unique in the corpus
 * @param text   the text, or null when {@code tokens} are given
 * @param tokens the token ids, or null when {@code text} is given
 * @param target the find-the-block target, or null
 * @param source where it came from ({@code FILE line N}, or {@code findblock seed S #i}), for messages
 */
public record CorpusDocument(String id, String text, int[] tokens, TargetBlock target, String source) {
    public CorpusDocument {
        if ((text == null) == (tokens == null)) {
            throw new IllegalArgumentException("a document has text or tokens, one of them");
        }
        tokens = tokens == null ? null : tokens.clone();
    }

    /** @return a document of token ids */
    public static CorpusDocument ofTokens(String id, int[] tokens, TargetBlock target, String source) {
        return new CorpusDocument(id, null, tokens, target, source);
    }

    /** @return a document of text */
    public static CorpusDocument ofText(String id, String text, String source) {
        return new CorpusDocument(id, text, null, null, source);
    }

    @Override
    public int[] tokens() {
        return tokens == null ? null : tokens.clone();
    }

    /** @return the find-the-block target, if this is an instance of the task */
    public Optional<TargetBlock> targetBlock() {
        return Optional.ofNullable(target);
    }
}
