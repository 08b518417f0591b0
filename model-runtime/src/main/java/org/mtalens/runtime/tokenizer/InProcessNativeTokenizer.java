package org.mtalens.runtime.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;

/**
 * DJL's binding of the Rust {@code tokenizers} library, called in this process: a panic inside it aborts
 * the JVM. Used by the child of {@link TokenizerProcess} and by the fuzz tests (where a crash must show).
 */
final class InProcessNativeTokenizer implements NativeTokenizer {
    private final String fileName;
    private final HuggingFaceTokenizer tokenizer;

    private InProcessNativeTokenizer(String fileName, HuggingFaceTokenizer tokenizer) {
        this.fileName = fileName;
        this.tokenizer = tokenizer;
    }

    /** @throws InvalidInputException naming the file when the library refuses it */
    static InProcessNativeTokenizer load(Path file) {
        try {
            return new InProcessNativeTokenizer(String.valueOf(file.getFileName()), HuggingFaceTokenizer.newInstance(file,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false")));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + ": the Hugging Face tokenizers library cannot read it: " + e.getMessage(), e);
        }
    }

    @Override
    public NativeEncoding encode(String text, boolean addSpecialTokens) {
        Encoding encoding;
        try {
            encoding = tokenizer.encode(text, addSpecialTokens, false);
        } catch (RuntimeException e) { // the Rust library's errors, e.g. a WordLevel model without its unk token
            throw new InvalidInputException(fileName + ": the Hugging Face tokenizers library cannot encode this text: "
                    + e.getMessage(), e);
        }
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] starts = new int[spans.length];
        int[] ends = new int[spans.length];
        for (int k = 0; k < spans.length; k++) {
            starts[k] = spans[k] == null ? -1 : spans[k].getStart();
            ends[k] = spans[k] == null ? -1 : spans[k].getEnd();
        }
        return new NativeEncoding(encoding.getIds(), encoding.getSpecialTokenMask(), starts, ends);
    }

    @Override
    public String decode(long[] ids) {
        return tokenizer.decode(ids, false);
    }
}
