package org.mtalens.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.reliability.AllocatedBytes;

/**
 * The Hugging Face library runs in a child process: a file or a text that makes it panic (which aborts the
 * process it runs in) becomes a message naming the file, and this JVM goes on.
 */
class TokenizerProcessTest {
    @TempDir
    Path folder;

    /** Stands in for the native library aborting the JVM while loading: prints a Rust panic and dies as SIGABRT does. */
    static final class AbortingChild {
        private AbortingChild() {
        }

        public static void main(String[] args) {
            System.err.println("thread '<unnamed>' panicked at src/models/bpe/model.rs:180:54:");
            System.err.println("byte index 9 is out of bounds of `x`");
            System.err.println("fatal runtime error: failed to initiate panic, error 5");
            Runtime.getRuntime().halt(134);
        }
    }

    /** Stands in for the library hanging on a text: reads the file "fine", then never answers a request. */
    static final class SilentChild {
        private SilentChild() {
        }

        public static void main(String[] args) throws Exception {
            System.out.write(TokenizerProtocol.OK);
            System.out.flush();
            System.in.read();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private Path smallBpe() throws Exception {
        return Files.writeString(folder.resolve("tokenizer.json"), """
                {"version": "1.0", "added_tokens": [], "normalizer": null, "pre_tokenizer": null, "post_processor": null,
                 "decoder": null, "model": {"type": "BPE", "dropout": null, "unk_token": null,
                 "continuing_subword_prefix": "##", "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false,
                 "vocab": {"a": 0, "b": 1, "##b": 2, "ab": 3}, "merges": ["a ##b"]}}
                """);
    }

    /**
     * A word-level model behind a pre-tokenizer regex that backtracks exponentially on a run of a's that is not
     * followed by b: Oniguruma gives up ("retry-limit-in-match over"), and the library panics inside encode.
     */
    private Path backtrackingRegex() throws Exception {
        return Files.writeString(folder.resolve("tokenizer.json"), """
                {"version": "1.0", "added_tokens": [], "normalizer": null,
                 "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "(a|aa)+b"}, "behavior": "Isolated", "invert": false},
                 "post_processor": null, "decoder": null,
                 "model": {"type": "WordLevel", "vocab": {"a": 0, "b": 1, "ab": 2, "[UNK]": 3}, "unk_token": "[UNK]"}}
                """);
    }

    @Test
    void aChildProcessThatDiesReadingTheFileRefusesItWithThePanicAndThisProcessGoesOn() throws Exception {
        Path file = smallBpe();
        assertThatThrownBy(() -> TokenizerProcess.start(file, AbortingChild.class.getName(), 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("crashed reading it (exit code 134: byte index 9 is out of bounds")
                .hasMessageContaining("separate process");
    }

    @Test
    void aTextThatMakesTheLibraryPanicWhileEncodingIsAMessageAndTheNextTextEncodes() throws Exception {
        Path file = backtrackingRegex();
        Tokenizer tokenizer = Tokenizers.fromFile(file);

        assertThatThrownBy(() -> tokenizer.encode("a".repeat(40) + "c")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("crashed encoding this text (exit code 134: Onig: Regex search error:"
                        + " retry-limit-in-match over)")
                .hasMessageContaining("separate process");
        assertThat(tokenizer.encode("ab").stream().map(Token::id)).containsExactly(2);
    }

    @Test
    void aChildThatDoesNotAnswerIsStoppedAndTheRequestIsAMessage() throws Exception {
        Path file = smallBpe();
        TokenizerProcess silent = TokenizerProcess.start(file, SilentChild.class.getName(), 1);

        assertThatThrownBy(() -> silent.encode("ab", false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + ": the Hugging Face tokenizers library did not finish encoding this text in 1 s;"
                        + " its process was stopped");
    }

    @Test
    void aTokenizerJsonTheLibraryReadsOpensAndEncodesInItsChildProcess() throws Exception {
        Tokenizer opened = Tokenizers.fromFile(smallBpe());

        assertThat(opened.vocabularySize()).isEqualTo(4);
        assertThat(opened.encode("ab").stream().map(Token::id)).containsExactly(3);
        assertThat(opened.decode(new int[] {0, 2})).isEqualTo("a ##b");
    }

    @Test
    void aFileMtaLensRefusesGetsItsOwnMessageNotACrashReport() throws Exception {
        Path file = Files.writeString(folder.resolve("tokenizer.json"), "{\"model\": {\"vocab\": {\"a\": -5}}}");
        assertThatThrownBy(() -> Tokenizers.fromFile(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.vocab").hasMessageNotContaining("crashed");
    }

    @Test
    void aTemplateAddingAnIdTheVocabularyLacksIsTheFilesFaultNotTheLibrarys() throws Exception {
        Path file = Files.writeString(folder.resolve("tokenizer.json"), """
                {"version": "1.0", "added_tokens": [], "normalizer": null, "pre_tokenizer": null, "decoder": null,
                 "post_processor": {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}},
                   {"Sequence": {"id": "A", "type_id": 0}}], "pair": [], "special_tokens": {"<s>": {"id": "<s>",
                   "ids": [5000], "tokens": ["<s>"]}}},
                 "model": {"type": "WordLevel", "vocab": {"a": 0, "b": 1, "[UNK]": 2}, "unk_token": "[UNK]"}}
                """);

        assertThatThrownBy(() -> Tokenizers.fromFile(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tokenizer.json: its model gave the token at position 0 (id 5000)")
                .hasMessageContaining("contradicts itself").hasMessageNotContaining("crashed");
    }

    @Test
    void aTinyFileNamingOneHugeIdIsRefusedBeforeItsTableIsMade() throws Exception {
        Path file = Files.writeString(folder.resolve("tokenizer.json"), """
                {"model": {"type": "WordLevel", "vocab": {"a": 0, "b": 9999999}, "unk_token": "a"}, "added_tokens": []}
                """);

        long bytes = Files.size(file);
        long allocated = AllocatedBytes.during(() -> assertThatThrownBy(() -> Tokenizers.fromFile(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("its largest token id is 9999999, but a tokenizer.json of " + bytes
                        + " bytes describes at most 256 ids"));

        assertThat(allocated).isLessThan(16L << 20);
    }
}
