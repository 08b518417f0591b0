package org.mtalens.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;

class IsolatedTokenizerCheckTest {
    @TempDir
    Path folder;

    /** Stands in for the native library aborting the JVM: prints a Rust panic and dies as SIGABRT does. */
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

    private Path smallBpe() throws Exception {
        return Files.writeString(folder.resolve("tokenizer.json"), """
                {"version": "1.0", "added_tokens": [], "normalizer": null, "pre_tokenizer": null, "post_processor": null,
                 "decoder": null, "model": {"type": "BPE", "dropout": null, "unk_token": null,
                 "continuing_subword_prefix": "##", "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false,
                 "vocab": {"a": 0, "b": 1, "##b": 2, "ab": 3}, "merges": ["a ##b"]}}
                """);
    }

    @Test
    void aChildProcessThatDiesReadingTheFileRefusesItWithThePanicAndThisProcessGoesOn() throws Exception {
        Path file = smallBpe();
        assertThatThrownBy(() -> IsolatedTokenizerCheck.requireNoCrash(file, AbortingChild.class.getName()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("crashed reading it (exit code 134: byte index 9 is out of bounds")
                .hasMessageContaining("separate process");
    }

    @Test
    void aTokenizerJsonTheLibraryReadsPassesTheCheckAndOpens() throws Exception {
        Path file = smallBpe();
        IsolatedTokenizerCheck.requireNoCrash(file);
        Tokenizer opened = Tokenizers.fromFile(file);
        assertThat(opened.vocabularySize()).isEqualTo(4);
    }

    @Test
    void aFileMtaLensRefusesGetsItsOwnMessageNotACrashReport() throws Exception {
        Path file = Files.writeString(folder.resolve("tokenizer.json"), "{\"model\": {\"vocab\": {\"a\": -5}}}");
        assertThatThrownBy(() -> Tokenizers.fromFile(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.vocab").hasMessageNotContaining("crashed");
    }
}
