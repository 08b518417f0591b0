package org.mtalens.runtime.tokenizer;

/**
 * One token as the user sees it: its id, its decoded text, a visible label and where it came from.
 *
 * <p>The label shows invisible characters visibly ({@link TokenLabels}): a space as {@code ␣}, a
 * newline as {@code ⏎}, a tab as {@code ⇥}, and a byte that is only part of a multi-byte character
 * as {@code ‹e2›}. Special tokens are labelled by their name, e.g. {@code <|begin_of_text|>}.
 *
 * <p>{@code [start, end)} is the span of characters of the input string (Java {@code char} indices,
 * so an emoji outside the Basic Multilingual Plane counts 2) that the token covers. A token that
 * holds only part of a character's bytes spans that whole character, so neighbouring tokens may share
 * it. Tokens that have no input text (BOS, EOS, ids typed by the user) have {@code start = end = -1}.
 *
 * @param id the token id, {@code 0 <= id < vocabularySize}
 * @param text the decoded text of this token alone (partial UTF-8 bytes decode to U+FFFD)
 * @param label the visible label for axes, tooltips and the token strip
 * @param start first character of the input this token covers, or -1
 * @param end one past the last character it covers, or -1
 */
public record Token(int id, String text, String label, int start, int end) {
    public Token {
        if (text == null || label == null) {
            throw new IllegalArgumentException("token " + id + ": text and label must not be null");
        }
        if ((start < 0) != (end < 0) || (start >= 0 && end < start)) {
            throw new IllegalArgumentException("token " + id + ": bad span [" + start + ", " + end + ")");
        }
    }

    /** A token with no text in the input (a special token or a raw id). */
    public static Token withoutSpan(int id, String text, String label) {
        return new Token(id, text, label, -1, -1);
    }

    /** Whether this token covers characters of the input text. */
    public boolean hasSpan() {
        return start >= 0;
    }
}
