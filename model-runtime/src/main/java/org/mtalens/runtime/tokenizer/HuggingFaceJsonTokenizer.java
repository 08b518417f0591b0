package org.mtalens.runtime.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;

/**
 * A Hugging Face {@code tokenizer.json}, encoded and decoded by DJL's binding of the Rust
 * {@code tokenizers} library (its jar carries the native library, so no download is needed). As
 * lingua's {@code HFTokenizer}: {@link BosToken#ADD} means "add the special tokens of the file's own
 * post-processor template" (Llama-3 puts {@code <|begin_of_text|>} first; a file without a template
 * adds nothing). Labels come from the file's vocabulary: byte-level tokens (GPT-2/Llama-3) show partial
 * characters as {@code ‹e2›}, {@code <0xE2>} byte-fallback tokens likewise, {@code ▁} is a space.
 */
public final class HuggingFaceJsonTokenizer implements Tokenizer {
    private final String fileName;
    private final HuggingFaceTokenizer tokenizer;
    private final TokenizerJsonVocabulary vocabulary;
    private final OptionalInt bosId;
    /** Each id's text and label, without span; shape {@code [vocabularySize]}. */
    private final Token[] byId;

    private HuggingFaceJsonTokenizer(String fileName, HuggingFaceTokenizer tokenizer, TokenizerJsonVocabulary vocabulary) {
        this.fileName = fileName;
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.bosId = findBosId(tokenizer);
        this.byId = new Token[vocabulary.size()];
        for (int id = 0; id < byId.length; id++) {
            byId[id] = describeOne(id);
        }
    }

    /**
     * Reads a {@code tokenizer.json}.
     *
     * @throws InvalidInputException naming the file when it cannot be read as one
     */
    public static HuggingFaceJsonTokenizer read(Path file) {
        RegularFiles.require(file);
        TokenizerJsonVocabulary vocabulary = TokenizerJsonVocabulary.read(file);
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(file,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
            return new HuggingFaceJsonTokenizer(String.valueOf(file.getFileName()), tokenizer, vocabulary);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + ": the Hugging Face tokenizers library cannot read it: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "Hugging Face " + fileName + " (" + vocabularySize() + " ids)";
    }

    @Override
    public List<Token> encode(String text, BosToken bos) {
        Encoding encoding;
        try {
            encoding = tokenizer.encode(text, bos == BosToken.ADD, false);
        } catch (RuntimeException e) { // the Rust library's errors, e.g. a WordLevel model without its unk token
            throw new InvalidInputException(fileName + ": the Hugging Face tokenizers library cannot encode this text: "
                    + e.getMessage(), e);
        }
        long[] ids = encoding.getIds();
        long[] special = encoding.getSpecialTokenMask();
        CharSpan[] spans = encoding.getCharTokenSpans();
        CodePointIndex index = new CodePointIndex(text);
        List<Token> tokens = new ArrayList<>(ids.length);
        for (int k = 0; k < ids.length; k++) {
            Token token = byId[(int) ids[k]];
            CharSpan span = spans[k];
            if (special[k] != 0 || span == null) {
                tokens.add(token);
            } else {
                tokens.add(new Token(token.id(), token.text(), token.label(), index.charIndex(span.getStart()), index.charIndex(span.getEnd())));
            }
        }
        return List.copyOf(tokens);
    }

    @Override
    public List<Token> describe(int[] ids) {
        return TokenIdCheck.describe(ids, byId, vocabularySize(), name());
    }

    /** As the library decodes, special tokens kept. */
    @Override
    public String decode(int[] ids) {
        TokenIdCheck.requireInVocabulary(ids, vocabularySize(), name());
        long[] wide = new long[ids.length];
        for (int k = 0; k < ids.length; k++) {
            wide[k] = ids[k];
        }
        return tokenizer.decode(wide, false);
    }

    @Override
    public int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public OptionalInt bosId() {
        return bosId;
    }

    private Token describeOne(int id) {
        String piece = vocabulary.tokens()[id];
        if (piece == null) {
            return Token.withoutSpan(id, "", "<unused " + id + ">");
        }
        if (vocabulary.added().contains(id)) {
            return Token.withoutSpan(id, piece, piece);
        }
        byte[] bytes = bytesOf(piece);
        if (bytes != null) {
            return Token.withoutSpan(id, new String(bytes, StandardCharsets.UTF_8), TokenLabels.forBytes(bytes));
        }
        String text = piece.replace('▁', ' ');
        return Token.withoutSpan(id, text, TokenLabels.forText(text));
    }

    /** The raw bytes of a byte-level or {@code <0xNN>} token, or null for a plain text piece. */
    private byte[] bytesOf(String piece) {
        if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
            try {
                return new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return vocabulary.byteLevel() ? ByteLevelAlphabet.bytesOf(piece) : null;
    }

    /** The first special token the file's template puts before the text, if any. */
    private static OptionalInt findBosId(HuggingFaceTokenizer tokenizer) {
        Encoding encoding = tokenizer.encode("a", true, false);
        long[] special = encoding.getSpecialTokenMask();
        return special.length > 0 && special[0] != 0 ? OptionalInt.of((int) encoding.getIds()[0]) : OptionalInt.empty();
    }
}
