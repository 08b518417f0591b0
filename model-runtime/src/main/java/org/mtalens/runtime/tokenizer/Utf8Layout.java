package org.mtalens.runtime.tokenizer;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of an input string and, for each byte, the span of {@code char}s of the character
 * it belongs to: turns a token's byte range into its character span. Shape: two int arrays of length
 * {@code bytes().length}.
 */
final class Utf8Layout {
    private final byte[] bytes;
    private final int[] charStart;
    private final int[] charEnd;

    Utf8Layout(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.charStart = new int[bytes.length];
        this.charEnd = new int[bytes.length];
        int b = 0;
        int c = 0;
        while (c < text.length()) {
            int cp = text.codePointAt(c);
            int chars = Character.charCount(cp);
            int length = Utf8.encodedLength(cp);
            for (int k = 0; k < length && b < bytes.length; k++, b++) {
                charStart[b] = c;
                charEnd[b] = c + chars;
            }
            c += chars;
        }
    }

    byte[] bytes() {
        return bytes;
    }

    /**
     * The character span {@code [start, end)} of the bytes {@code [from, from + length)}: every
     * character any of them belongs to.
     */
    int[] span(int from, int length) {
        if (length <= 0 || from >= bytes.length) {
            int at = from >= bytes.length ? (bytes.length == 0 ? 0 : charEnd[bytes.length - 1]) : charStart[from];
            return new int[] {at, at};
        }
        int last = Math.min(from + length, bytes.length) - 1;
        return new int[] {charStart[from], charEnd[last]};
    }
}
