package org.mtalens.runtime.tokenizer;

/**
 * Turns offsets counted in code points (as the Rust tokenizers library reports them) into Java
 * {@code char} indices, which differ after any character outside the Basic Multilingual Plane.
 */
final class CodePointIndex {
    /** Char index of each code point, plus the end; null when every character is in the BMP. */
    private final int[] charOfCodePoint;
    private final int length;

    CodePointIndex(String text) {
        this.length = text.length();
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            this.charOfCodePoint = null;
            return;
        }
        this.charOfCodePoint = new int[codePoints + 1];
        int c = 0;
        for (int cp = 0; cp < codePoints; cp++) {
            charOfCodePoint[cp] = c;
            c += Character.charCount(text.codePointAt(c));
        }
        charOfCodePoint[codePoints] = c;
    }

    int charIndex(int codePointOffset) {
        if (charOfCodePoint == null) {
            return Math.min(Math.max(codePointOffset, 0), length);
        }
        return charOfCodePoint[Math.min(Math.max(codePointOffset, 0), charOfCodePoint.length - 1)];
    }
}
