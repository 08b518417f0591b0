package org.mtalens.runtime.tokenizer;

/**
 * GPT-2's byte-level alphabet (used by Hugging Face {@code ByteLevel}, e.g. Llama-3's tokenizer.json):
 * each byte is written as one printable character ({@code Ġ} for a space, {@code Ċ} for a newline).
 * This turns a token string back into its bytes.
 */
final class ByteLevelAlphabet {
    private static final int[] BYTE_OF_CHAR = build();

    private ByteLevelAlphabet() {
    }

    /** The bytes a byte-level token string stands for, or null when it is not one. */
    static byte[] bytesOf(String token) {
        byte[] bytes = new byte[token.length()];
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
            if (b < 0) {
                return null;
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }

    private static int[] build() {
        int[] byteOfChar = new int[512];
        java.util.Arrays.fill(byteOfChar, -1);
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            if (printable) {
                byteOfChar[b] = b;
            } else {
                byteOfChar[256 + shifted] = b;
                shifted++;
            }
        }
        return byteOfChar;
    }
}
