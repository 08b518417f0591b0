package org.mtalens.runtime.tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;
import org.mtalens.runtime.config.TokenizerSpec;

/**
 * Finds the tokenizer a checkpoint was trained with: {@code char} and {@code bytes} need no file;
 * {@code tiktoken} reads the {@code tokenizer.model} params.json names (or one of that name beside the
 * checkpoint); {@code sp} (SentencePiece) is not supported and needs a {@code tokenizer.json} beside
 * the checkpoint; {@code hf} and unnamed tokenizers use a {@code tokenizer.json} beside the checkpoint.
 * A file the user chose always wins.
 */
public final class Tokenizers {
    public static final String TOKENIZER_JSON = "tokenizer.json";
    public static final String TIKTOKEN_MODEL = "tokenizer.model";
    /** {@code -Dmtalens.tokenizer.isolate=false}: run the Hugging Face library in this process. */
    public static final String ISOLATE_PROPERTY = "mtalens.tokenizer.isolate";

    private Tokenizers() {
    }

    /**
     * The tokenizer for a checkpoint, or why there is none.
     *
     * @param spec the checkpoint's {@code data.tokenizer} (name and path as on the training machine)
     * @param checkpointFolder the folder holding the config (or a file in it)
     * @param userFile a tokenizer file the user chose ({@code --tokenizer FILE}, the file chooser)
     * @throws InvalidInputException when the user's file is not a tokenizer MTA Lens can read; problems
     *     with the checkpoint's own files are reported in the lookup's message instead
     */
    public static TokenizerLookup forCheckpoint(TokenizerSpec spec, Path checkpointFolder, Optional<Path> userFile) {
        if (userFile.isPresent()) {
            return TokenizerLookup.found(fromFile(userFile.get()), "from " + userFile.get() + " (chosen by you)");
        }
        TokenizerFiles files = new TokenizerFiles(checkpointFolder);
        String name = spec == null || spec.name() == null ? "" : spec.name().strip().toLowerCase(Locale.ROOT);
        String path = spec == null ? null : spec.path();
        return switch (name) {
            case "char" -> TokenizerLookup.found(new CharTokenizer(), "(the checkpoint's config names 'char')");
            case "bytes" -> TokenizerLookup.found(new ByteTokenizer(), "(the checkpoint's config names 'bytes')");
            case "tiktoken" -> tiktoken(files, path);
            case "sp" -> tokenizerJsonOr(files, "the checkpoint uses a SentencePiece model" + named(path)
                    + ", which MTA Lens cannot read; put a tokenizer.json converted from it beside the checkpoint or choose one");
            case "hf" -> huggingFace(files, path);
            case "" -> tokenizerJsonOr(files, "the checkpoint's config names no tokenizer and there is no tokenizer.json in "
                    + files.folders() + "; choose a tokenizer file to see text");
            default -> tokenizerJsonOr(files, "the checkpoint names a tokenizer '" + spec.name()
                    + "' that MTA Lens does not know (it knows char, bytes, tiktoken and tokenizer.json)");
        };
    }

    /**
     * Opens a tokenizer file the user chose: a Hugging Face {@code tokenizer.json} or a tiktoken
     * {@code tokenizer.model}, told apart by content.
     *
     * A {@code tokenizer.json} is read and encoded by the native tokenizers library in a child process
     * ({@link TokenizerProcess}), so a file or a text that crashes it is refused instead of closing the app.
     * {@code -Dmtalens.tokenizer.isolate=false} runs the library in this process instead.
     *
     * @throws InvalidInputException naming the file when it is neither (a SentencePiece model is named as such)
     */
    public static Tokenizer fromFile(Path file) {
        RegularFiles.require(file);
        if (!looksLikeJson(file)) {
            return TiktokenTokenizer.read(file);
        }
        return "false".equals(System.getProperty(ISOLATE_PROPERTY)) ? HuggingFaceJsonTokenizer.read(file)
                : HuggingFaceJsonTokenizer.readIsolated(file);
    }

    private static TokenizerLookup tiktoken(TokenizerFiles files, String path) {
        Optional<Path> file = files.find(path, TIKTOKEN_MODEL);
        if (file.isPresent()) {
            return open(file.get(), "from " + file.get());
        }
        return tokenizerJsonOr(files, "the checkpoint's tiktoken file" + named(path) + " is not on this machine (looked for "
                + files.candidates(path, TIKTOKEN_MODEL) + "); choose it with --tokenizer FILE or Open tokenizer");
    }

    private static TokenizerLookup huggingFace(TokenizerFiles files, String path) {
        Optional<Path> inFolder = files.find(path == null ? null : path + "/" + TOKENIZER_JSON, null);
        Optional<Path> file = inFolder.isPresent() ? inFolder : files.find(path, null).filter(p -> p.toString().endsWith(".json"));
        if (file.isPresent()) {
            return open(file.get(), "from " + file.get());
        }
        return tokenizerJsonOr(files, "the checkpoint's Hugging Face tokenizer" + named(path)
                + " is not on this machine and there is no tokenizer.json in " + files.folders());
    }

    private static TokenizerLookup tokenizerJsonOr(TokenizerFiles files, String reason) {
        Optional<Path> json = files.tokenizerJsonBeside();
        return json.isPresent() ? open(json.get(), "from " + json.get()) : TokenizerLookup.rawIdsOnly(reason);
    }

    private static TokenizerLookup open(Path file, String source) {
        try {
            return TokenizerLookup.found(fromFile(file), source);
        } catch (InvalidInputException e) {
            return TokenizerLookup.rawIdsOnly("the tokenizer file cannot be used: " + e.getMessage());
        }
    }

    private static String named(String path) {
        return path == null || path.isBlank() ? "" : " '" + path + "'";
    }

    private static boolean looksLikeJson(Path file) {
        try (InputStream in = RegularFiles.newInputStream(file)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (!Character.isWhitespace(b)) {
                    return b == '{';
                }
            }
            return false;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the tokenizer file: " + e.getMessage(), e);
        }
    }
}
