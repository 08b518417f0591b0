package org.mtalens.runtime.tokenizer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.TokenPosition;
import org.mtalens.runtime.RegularFiles;

/**
 * A Hugging Face {@code tokenizer.json}, encoded and decoded by DJL's binding of the Rust
 * {@code tokenizers} library (its jar carries the native library, so no download is needed). As
 * lingua's {@code HFTokenizer}: {@link BosToken#ADD} means "add the special tokens of the file's own
 * post-processor template" (Llama-3 puts {@code <|begin_of_text|>} first; a file without a template
 * adds nothing). Labels come from the file's vocabulary: byte-level tokens (GPT-2/Llama-3) show partial
 * characters as {@code ‹e2›}, {@code <0xE2>} byte-fallback tokens likewise, {@code ▁} is a space.
 * The library runs in a child process ({@link #readIsolated}, what the app and the commands use) or in
 * this one ({@link #read}); either way every id it gives is checked against the file's own vocabulary.
 */
public final class HuggingFaceJsonTokenizer implements Tokenizer {
    private final String fileName;
    private final NativeTokenizer tokenizer;
    private final TokenizerJsonVocabulary vocabulary;
    private final OptionalInt bosId;
    /** Each id's text and label, without span; shape {@code [vocabularySize]}. */
    private final Token[] byId;

    private HuggingFaceJsonTokenizer(String fileName, NativeTokenizer tokenizer, TokenizerJsonVocabulary vocabulary) {
        this.fileName = fileName;
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.byId = new Token[vocabulary.size()];
        for (int id = 0; id < byId.length; id++) {
            byId[id] = describeOne(id);
        }
        this.bosId = findBosId();
    }

    /**
     * Reads a {@code tokenizer.json} with the library in this process (a panic inside it would abort the JVM:
     * for the fuzz tests and benchmarks, where that must show).
     *
     * @throws InvalidInputException naming the file when it cannot be read as one
     */
    public static HuggingFaceJsonTokenizer read(Path file) {
        RegularFiles.require(file);
        TokenizerJsonVocabulary vocabulary = TokenizerJsonVocabulary.read(file);
        return new HuggingFaceJsonTokenizer(String.valueOf(file.getFileName()), InProcessNativeTokenizer.load(file), vocabulary);
    }

    /**
     * Reads a {@code tokenizer.json} with the library in a child process ({@link TokenizerProcess}): a file or a
     * text that crashes or hangs the library becomes a message, and this process goes on.
     *
     * @throws InvalidInputException naming the file when it cannot be read as one, or the library dies reading it
     */
    public static HuggingFaceJsonTokenizer readIsolated(Path file) {
        RegularFiles.require(file);
        TokenizerJsonVocabulary vocabulary = TokenizerJsonVocabulary.read(file);
        return new HuggingFaceJsonTokenizer(String.valueOf(file.getFileName()), TokenizerProcess.start(file), vocabulary);
    }

    @Override
    public String name() {
        return "Hugging Face " + fileName + " (" + vocabularySize() + " ids)";
    }

    @Override
    public List<Token> encode(String text, BosToken bos) {
        NativeEncoding encoding = tokenizer.encode(text, bos == BosToken.ADD);
        CodePointIndex index = new CodePointIndex(text);
        List<Token> tokens = new ArrayList<>(encoding.ids().length);
        for (int k = 0; k < encoding.ids().length; k++) {
            Token token = byId[requireOwnId(encoding.ids()[k], k)];
            if (encoding.special()[k] != 0 || encoding.starts()[k] < 0) {
                tokens.add(token);
            } else {
                tokens.add(new Token(token.id(), token.text(), token.label(), index.charIndex(encoding.starts()[k]),
                        index.charIndex(encoding.ends()[k])));
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * An id the library gave must be one of the file's own: when it is not, the file contradicts itself (e.g. a
     * post-processor template adds an id that neither the vocabulary nor the added tokens have). That is the
     * file's fault, named as such, not the library's.
     */
    private int requireOwnId(long id, int position) {
        if (id < 0 || id >= byId.length) {
            throw new InvalidInputException(fileName + ": its model gave " + TokenPosition.of(position, "id " + id)
                    + ", but its own vocabulary and added tokens have ids 0 to " + (byId.length - 1)
                    + "; the tokenizer.json contradicts itself (a post-processor template naming an unknown id?)");
        }
        return (int) id;
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
        return tokenizer.decode(wide);
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
    private OptionalInt findBosId() {
        NativeEncoding encoding = tokenizer.encode("a", true);
        return encoding.special().length > 0 && encoding.special()[0] != 0
                ? OptionalInt.of(requireOwnId(encoding.ids()[0], 0)) : OptionalInt.empty();
    }
}
