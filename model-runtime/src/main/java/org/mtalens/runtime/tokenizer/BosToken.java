package org.mtalens.runtime.tokenizer;

/**
 * Whether {@link Tokenizer#encode(String, BosToken)} puts the beginning-of-sequence token first.
 *
 * <p>The official (lingua) training code adds BOS to every training sequence, so a model usually
 * expects it at position 0; but it also takes an attention sink's share of every map, so the app lets
 * the user choose. There is no default hidden in the tokenizers: the caller says which.
 */
public enum BosToken {
    /** Start with the tokenizer's BOS token (for {@code tokenizer.json}: its own post-processor template). */
    ADD,
    /** Only the tokens of the text. */
    OMIT
}
