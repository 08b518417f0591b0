package org.mtalens.runtime.corpus;

import java.util.List;

/**
 * What became of one document: its tokens and statistics, or why it failed (a failed document is a row, never a
 * failed corpus).
 *
 * @param id         the document's id
 * @param tokens     its token ids (empty when it failed before encoding)
 * @param labels     one visible label per token
 * @param statistics its statistics, or null when it failed
 * @param failure    why it failed, or null
 */
public record DocumentOutcome(String id, int[] tokens, List<String> labels, DocumentStatistics statistics, String failure) {
    public DocumentOutcome {
        tokens = tokens.clone();
        labels = List.copyOf(labels);
    }

    /** @return whether the document failed */
    public boolean failed() {
        return failure != null;
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }
}
