package org.mtalens.runtime.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.mtalens.runtime.tokenizer.Token;
import org.mtalens.runtime.tokenizer.Tokenizer;

/** The committed tokenizer test files, unzipped once per test JVM, and what every tokenizer must do. */
final class FuzzTokenizerChecks {
    /** cl100k_base ranks in the tiktoken {@code tokenizer.model} format. */
    static final String CL100K = "/tokenizers/cl100k-tiktoken/cl100k_base.tiktoken.gz";
    /** A real Hugging Face {@code tokenizer.json} (gpt-3.5-turbo, cl100k_base). */
    static final String GPT35_JSON = "/tokenizers/gpt35turbo-tokenizer-json/tokenizer.json.gz";
    /** Letters, digits, punctuation, a newline, a tab, an accent and a 4-byte emoji. */
    static final String SAMPLE = "Hello, wörld! 123 don't\n\t🙂";

    private FuzzTokenizerChecks() {
    }

    /** Unzips a committed {@code .gz} resource to a temporary file named {@code name}. */
    static Path unzip(String resource, String name) {
        try (InputStream in = new GZIPInputStream(FuzzTokenizerChecks.class.getResourceAsStream(resource))) {
            Path folder = Files.createTempDirectory("mtalens-fuzz-tokenizer");
            Path file = folder.resolve(name);
            Files.copy(in, file);
            file.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Encodes {@code text} and checks what the user sees: every id inside the vocabulary, every span
     * inside the text and in order, and describe giving the same ids.
     *
     * @return the ids
     */
    static int[] encodeAndCheck(Tokenizer tokenizer, String text) {
        List<Token> tokens = tokenizer.encode(text);
        int[] ids = tokens.stream().mapToInt(Token::id).toArray();
        int lastStart = 0;
        for (Token token : tokens) {
            assertThat(token.id()).isBetween(0, tokenizer.vocabularySize() - 1);
            if (token.hasSpan()) {
                assertThat(token.start()).isBetween(lastStart, text.length());
                assertThat(token.end()).isBetween(token.start(), text.length());
                lastStart = token.start();
            }
        }
        assertThat(tokenizer.describe(ids)).extracting(Token::id).containsExactly(box(ids));
        return ids;
    }

    /** Little-endian 16-bit signed values: ids from -32768 to 32767, most outside any vocabulary. */
    static int[] shorts(byte[] input) {
        int[] ids = new int[input.length / 2];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = (short) ((input[2 * k] & 0xFF) | (input[2 * k + 1] << 8));
        }
        return ids;
    }

    private static Integer[] box(int[] ids) {
        Integer[] boxed = new Integer[ids.length];
        for (int k = 0; k < ids.length; k++) {
            boxed[k] = ids[k];
        }
        return boxed;
    }
}
