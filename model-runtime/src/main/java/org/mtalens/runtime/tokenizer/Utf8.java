package org.mtalens.runtime.tokenizer;

/** Small UTF-8 facts the tokenizers need: which bytes form a whole, well-formed character. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Length (1-4) of the well-formed UTF-8 character starting at {@code bytes[i]}, or 0 when the
     * byte there does not start one (a continuation byte, a truncated or malformed sequence).
     */
    static int validSequenceLength(byte[] bytes, int i) {
        int lead = bytes[i] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        int length;
        int secondLow = 0x80;
        int secondHigh = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            secondLow = lead == 0xE0 ? 0xA0 : 0x80;
            secondHigh = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            secondLow = lead == 0xF0 ? 0x90 : 0x80;
            secondHigh = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + length > bytes.length) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < secondLow || second > secondHigh) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            if (!isContinuation(bytes[i + k])) {
                return 0;
            }
        }
        return length;
    }

    /** The code point of a well-formed sequence of the given length. */
    static int codePointAt(byte[] bytes, int i, int length) {
        int lead = bytes[i] & 0xFF;
        if (length == 1) {
            return lead;
        }
        int cp = lead & (0x7F >> length);
        for (int k = 1; k < length; k++) {
            cp = (cp << 6) | (bytes[i + k] & 0x3F);
        }
        return cp;
    }

    static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** Bytes Java's UTF-8 encoder writes for this code point (a lone surrogate becomes one '?'). */
    static int encodedLength(int cp) {
        if (cp < 0x80 || Character.isSurrogate((char) cp) && cp < 0x10000) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }
}
