package org.mtalens.runtime.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * lingua's {@code ByteTokenizer}: the UTF-8 bytes of the text are the ids 0–255, BOS is 256, EOS 257;
 * 258 ids. A byte of a multi-byte character is labelled {@code ‹e2›} and spans the whole character.
 */
public final class ByteTokenizer implements Tokenizer {
    public static final int BOS_ID = 256;
    public static final int EOS_ID = 257;
    public static final int VOCABULARY_SIZE = 258;

    @Override
    public String name() {
        return "bytes (UTF-8 bytes, 258 ids)";
    }

    @Override
    public List<Token> encode(String text, BosToken bos) {
        Utf8Layout layout = new Utf8Layout(text);
        byte[] bytes = layout.bytes();
        List<Token> tokens = new ArrayList<>(bytes.length + 1);
        if (bos == BosToken.ADD) {
            tokens.add(special(BOS_ID));
        }
        for (int i = 0; i < bytes.length; i++) {
            int[] span = layout.span(i, 1);
            tokens.add(byteToken(bytes[i] & 0xFF, span[0], span[1]));
        }
        return List.copyOf(tokens);
    }

    @Override
    public List<Token> describe(int[] ids) {
        TokenIdCheck.requireInVocabulary(ids, VOCABULARY_SIZE, "the bytes tokenizer");
        List<Token> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            tokens.add(id < 256 ? byteToken(id, -1, -1) : special(id));
        }
        return List.copyOf(tokens);
    }

    /** As lingua: BOS/EOS are dropped, bytes that are not whole characters come out as {@code \xe2}. */
    @Override
    public String decode(int[] ids) {
        TokenIdCheck.requireInVocabulary(ids, VOCABULARY_SIZE, "the bytes tokenizer");
        byte[] kept = new byte[ids.length];
        int n = 0;
        for (int id : ids) {
            if (id < 256) {
                kept[n++] = (byte) id;
            }
        }
        byte[] bytes = Arrays.copyOf(kept, n);
        StringBuilder text = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            int length = Utf8.validSequenceLength(bytes, i);
            if (length == 0) {
                text.append(String.format("\\x%02x", bytes[i] & 0xFF));
                i++;
            } else {
                text.appendCodePoint(Utf8.codePointAt(bytes, i, length));
                i += length;
            }
        }
        return text.toString();
    }

    @Override
    public int vocabularySize() {
        return VOCABULARY_SIZE;
    }

    @Override
    public OptionalInt bosId() {
        return OptionalInt.of(BOS_ID);
    }

    private static Token byteToken(int value, int start, int end) {
        if (value < 0x80) {
            String text = String.valueOf((char) value);
            return new Token(value, text, TokenLabels.forText(text), start, end);
        }
        return new Token(value, "\uFFFD", TokenLabels.forByte(value), start, end);
    }

    private static Token special(int id) {
        String name = id == BOS_ID ? "<BOS>" : "<EOS>";
        return Token.withoutSpan(id, name, name);
    }
}
