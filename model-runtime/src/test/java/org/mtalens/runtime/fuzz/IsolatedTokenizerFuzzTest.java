package org.mtalens.runtime.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.mtalens.runtime.tokenizer.BosToken;
import org.mtalens.runtime.tokenizer.HuggingFaceJsonTokenizer;
import org.mtalens.runtime.tokenizer.Tokenizer;

/**
 * The Hugging Face library in its child process (what the app and the commands use) encodes any text exactly as
 * in this process: the same ids, special marks, spans and labels, with and without BOS. A text that crosses the
 * pipe wrongly (UTF-8, surrogates, NUL, megabytes) or a reply read out of step would show here.
 */
class IsolatedTokenizerFuzzTest {
    /** gpt-3.5-turbo's tokenizer.json, read once in this process and once in a child. */
    private static final class Gpt35 {
        static final java.nio.file.Path FILE = FuzzTokenizerChecks.unzip(FuzzTokenizerChecks.GPT35_JSON, "tokenizer.json");
        static final Tokenizer HERE = HuggingFaceJsonTokenizer.read(FILE);
        static final Tokenizer CHILD = HuggingFaceJsonTokenizer.readIsolated(FILE);
    }

    @FuzzTest(maxDuration = "10m")
    void encodesAnyTextInTheChildProcessExactlyAsInThisOne(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (BosToken bos : BosToken.values()) {
            assertThat(Gpt35.CHILD.encode(text, bos)).isEqualTo(Gpt35.HERE.encode(text, bos));
        }
        int[] ids = FuzzTokenizerChecks.encodeAndCheck(Gpt35.CHILD, text);
        assertThat(Gpt35.CHILD.decode(ids)).isEqualTo(text);
    }
}
