package org.mtalens.runtime.tokenizer;

/**
 * Visible labels for token text: a space is {@code ␣}, a newline {@code ⏎}, a tab {@code ⇥}, other
 * control characters in caret notation ({@code ^M} for a carriage return, {@code ^C} for U+0003,
 * {@code ^?} for DEL: Unicode's control pictures are missing from common fonts, so they would show as
 * boxes), and a byte that is not a whole UTF-8 character (part of a multi-byte character split across
 * tokens) {@code ‹e2›}.
 */
public final class TokenLabels {
    private TokenLabels() {
    }

    /** The label of a piece of decoded text. */
    public static String forText(String text) {
        if (isPlain(text)) {
            return text;
        }
        StringBuilder label = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            appendVisible(label, text.codePointAt(i));
        }
        return label.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The label of a token's raw bytes: whole UTF-8 characters visibly, stray bytes as {@code ‹xx›}. */
    public static String forBytes(byte[] bytes) {
        StringBuilder label = new StringBuilder(bytes.length + 2);
        int i = 0;
        while (i < bytes.length) {
            int length = Utf8.validSequenceLength(bytes, i);
            if (length == 0) {
                appendByte(label, bytes[i]);
                i++;
            } else {
                appendVisible(label, Utf8.codePointAt(bytes, i, length));
                i += length;
            }
        }
        return label.toString();
    }

    /** The label of one byte on its own, e.g. {@code ‹e2›}. */
    public static String forByte(int value) {
        StringBuilder label = new StringBuilder(4);
        appendByte(label, (byte) value);
        return label.toString();
    }

    private static void appendByte(StringBuilder label, byte value) {
        label.append('‹').append(Character.forDigit((value >> 4) & 0xF, 16)).append(Character.forDigit(value & 0xF, 16)).append('›');
    }

    private static void appendVisible(StringBuilder label, int cp) {
        switch (cp) {
            case ' ' -> label.append('␣');
            case '\n' -> label.append('⏎');
            case '\t' -> label.append('⇥');
            case 0x7F -> label.append("^?");
            default -> {
                if (cp < 0x20) {
                    label.append('^').append((char) ('@' + cp));
                } else {
                    label.appendCodePoint(cp);
                }
            }
        }
    }
}
