package org.mtalens.runtime.tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * lingua's {@code TikTokenTokenizer}: byte-pair encoding over a tiktoken rank file (the Llama-3
 * {@code tokenizer.model}) with the Llama-3 pre-tokenizer pattern and 256 special tokens placed after
 * the n ranks: {@code <|begin_of_text|>} n, {@code <|end_of_text|>} n+1, {@code <|fim_prefix|>} n+2,
 * {@code <|fim_middle|>} n+3, {@code <|reserved_special_token_K|>} n+K for K = 4..252,
 * {@code <|fim_end_fill|>} n+253, {@code <|fim_pad|>} n+254, {@code <|fim_suffix|>} n+255. Text is
 * encoded as ordinary text (special-token names in it are not special), in pieces of 400,000
 * characters as lingua does. The BPE itself is jtokkit's, given the file's ranks and the pattern.
 */
public final class TiktokenTokenizer implements Tokenizer {
    /** lingua's {@code DEFAULT_TIKTOKEN_PATTERN} (the Llama-3 and cl100k_base pattern). */
    public static final String PATTERN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** lingua's {@code TIKTOKEN_MAX_ENCODE_CHARS}, counted in code points as Python counts. */
    static final int MAX_ENCODE_CODE_POINTS = 400_000;
    static final int SPECIAL_TOKEN_COUNT = 256;

    private final String fileName;
    private final byte[][] pieces;
    private final String[] specialNames;
    private final Encoding encoding;
    /** Each id's text and label, without span; shape {@code [vocabularySize]}. */
    private final Token[] byId;

    private TiktokenTokenizer(String fileName, byte[][] pieces) {
        this.fileName = fileName;
        this.pieces = pieces;
        this.specialNames = specialTokenNames();
        this.encoding = buildEncoding(fileName, pieces, specialNames);
        this.byId = buildTokens();
    }

    /**
     * Reads a tiktoken rank file.
     *
     * @throws org.mtalens.runtime.InvalidInputException naming the file and line when it is not one
     */
    public static TiktokenTokenizer read(Path file) {
        return new TiktokenTokenizer(String.valueOf(file.getFileName()), TiktokenRanks.read(file));
    }

    @Override
    public String name() {
        return "tiktoken (" + fileName + ", " + vocabularySize() + " ids)";
    }

    @Override
    public List<Token> encode(String text, BosToken bos) {
        Utf8Layout layout = new Utf8Layout(text);
        List<Token> tokens = new ArrayList<>(text.length() / 3 + 2);
        if (bos == BosToken.ADD) {
            tokens.add(byId[bosIdValue()]);
        }
        int bytePosition = 0;
        for (String chunk : chunks(text)) {
            IntArrayList ids = encoding.encodeOrdinary(chunk);
            for (int k = 0; k < ids.size(); k++) {
                int id = ids.get(k);
                int[] span = layout.span(bytePosition, pieces[id].length);
                tokens.add(new Token(id, byId[id].text(), byId[id].label(), span[0], span[1]));
                bytePosition += pieces[id].length;
            }
        }
        return List.copyOf(tokens);
    }

    @Override
    public List<Token> describe(int[] ids) {
        return TokenIdCheck.describe(ids, byId, vocabularySize(), name());
    }

    /** As tiktoken: the bytes of all tokens (special ones as their names), broken UTF-8 as U+FFFD. */
    @Override
    public String decode(int[] ids) {
        TokenIdCheck.requireInVocabulary(ids, vocabularySize(), name());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        for (int id : ids) {
            bytes.writeBytes(id < pieces.length ? pieces[id] : specialNames[id - pieces.length].getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int vocabularySize() {
        return pieces.length + SPECIAL_TOKEN_COUNT;
    }

    @Override
    public OptionalInt bosId() {
        return OptionalInt.of(bosIdValue());
    }

    /** The id of {@code <|end_of_text|>}. */
    public int eosId() {
        return pieces.length + 1;
    }

    private int bosIdValue() {
        return pieces.length;
    }

    private Token[] buildTokens() {
        Token[] tokens = new Token[vocabularySize()];
        for (int id = 0; id < pieces.length; id++) {
            tokens[id] = Token.withoutSpan(id, new String(pieces[id], StandardCharsets.UTF_8), TokenLabels.forBytes(pieces[id]));
        }
        for (int k = 0; k < specialNames.length; k++) {
            tokens[pieces.length + k] = Token.withoutSpan(pieces.length + k, specialNames[k], specialNames[k]);
        }
        return tokens;
    }

    /** lingua's special tokens, by offset after the ranks. */
    static String[] specialTokenNames() {
        String[] names = new String[SPECIAL_TOKEN_COUNT];
        for (int k = 0; k < SPECIAL_TOKEN_COUNT; k++) {
            names[k] = "<|reserved_special_token_" + k + "|>";
        }
        names[0] = "<|begin_of_text|>";
        names[1] = "<|end_of_text|>";
        names[2] = "<|fim_prefix|>";
        names[3] = "<|fim_middle|>";
        names[253] = "<|fim_end_fill|>";
        names[254] = "<|fim_pad|>";
        names[255] = "<|fim_suffix|>";
        return names;
    }

    private static Encoding buildEncoding(String fileName, byte[][] pieces, String[] specialNames) {
        Map<byte[], Integer> ranks = new HashMap<>(pieces.length * 2);
        for (int rank = 0; rank < pieces.length; rank++) {
            ranks.put(pieces[rank], rank);
        }
        Map<String, Integer> specials = new HashMap<>();
        for (int k = 0; k < specialNames.length; k++) {
            specials.put(specialNames[k], pieces.length + k);
        }
        String name = "mta-lens-tiktoken:" + fileName;
        GptBytePairEncodingParams params = new GptBytePairEncodingParams(name,
                Pattern.compile(PATTERN, Pattern.UNICODE_CHARACTER_CLASS), ranks, specials);
        return Encodings.newLazyEncodingRegistry().registerGptBytePairEncoding(params).getEncoding(name).orElseThrow();
    }

    /** Splits the text every 400,000 code points, as lingua does before encoding. */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.length();
            int remaining = text.codePointCount(start, end);
            if (remaining > MAX_ENCODE_CODE_POINTS) {
                end = text.offsetByCodePoints(start, MAX_ENCODE_CODE_POINTS);
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }
}
