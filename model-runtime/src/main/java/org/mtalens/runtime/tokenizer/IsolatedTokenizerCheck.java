package org.mtalens.runtime.tokenizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mtalens.runtime.InvalidInputException;

/**
 * Reads a {@code tokenizer.json} once in a separate JVM before MTA Lens reads it in its own. The Rust
 * {@code tokenizers} library behind DJL aborts the whole process when it panics (it cannot unwind into
 * Java; fuzzing found one such file, see {@link BpeMergeCheck}), so a hostile file could otherwise close
 * the app and lose the user's work. The child loads the file exactly as MTA Lens does and encodes a sample;
 * if the child dies, the file is refused with what the library printed. Costs one JVM start (about a
 * second) per {@code tokenizer.json} opened. {@code -Dmtalens.tokenizer.isolate=false} skips it.
 */
final class IsolatedTokenizerCheck {
    static final String PROPERTY = "mtalens.tokenizer.isolate";
    /** The child's exit code for a file MTA Lens refuses with a message (the in-process read repeats it). */
    static final int REFUSED = 3;
    private static final long TIMEOUT_SECONDS = 60;
    private static final int KEPT_OUTPUT_BYTES = 8192;

    private IsolatedTokenizerCheck() {
    }

    /** @throws InvalidInputException naming the file when reading it crashes or hangs the tokenizers library */
    static void requireNoCrash(Path file) {
        if (!"false".equals(System.getProperty(PROPERTY))) {
            requireNoCrash(file, Child.class.getName());
        }
    }

    /** As {@link #requireNoCrash(Path)} with {@code mainClass} as the child (tests simulate a crash with it). */
    static void requireNoCrash(Path file, String mainClass) {
        Process child;
        try {
            child = new ProcessBuilder(List.of(javaBinary(), "-Dai.djl.offline=true", "-cp",
                    System.getProperty("java.class.path"), mainClass, file.toString())).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new InvalidInputException(file + ": could not start a separate process to check the tokenizer.json safely: "
                    + e.getMessage(), e);
        }
        String output = lastOutput(child.getInputStream());
        int exit = waitFor(child, file);
        if (exit != 0 && exit != REFUSED) {
            throw new InvalidInputException(file + ": the Hugging Face tokenizers library crashed reading it (exit code " + exit
                    + (panic(output).isEmpty() ? "" : ": " + panic(output)) + "); it was read in a separate process, so "
                    + "nothing else was affected");
        }
    }

    private static int waitFor(Process child, Path file) {
        try {
            if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new InvalidInputException(file + ": the Hugging Face tokenizers library did not finish reading it in "
                        + TIMEOUT_SECONDS + " s");
            }
            return child.exitValue();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InvalidInputException(file + ": interrupted while checking the tokenizer.json", e);
        }
    }

    /** @return the last {@value #KEPT_OUTPUT_BYTES} bytes the child printed (read to the end, so it never blocks) */
    private static String lastOutput(InputStream in) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                kept.write(buffer, 0, n);
                if (kept.size() > 2 * KEPT_OUTPUT_BYTES) {
                    byte[] all = kept.toByteArray();
                    kept.reset();
                    kept.write(all, all.length - KEPT_OUTPUT_BYTES, KEPT_OUTPUT_BYTES);
                }
            }
        } catch (IOException e) {
            return "";
        }
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** @return the line after Rust's "panicked at ...", the panic message, else the last line printed */
    static String panic(String output) {
        String[] lines = output.strip().split("\\R");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].contains("panicked at")) {
                return lines[i + 1].strip();
            }
        }
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The child: reads the file as MTA Lens does and encodes a sample. Exit 0 when fine, {@value #REFUSED} when refused. */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            try {
                HuggingFaceJsonTokenizer.read(Path.of(args[0])).encode("Hello, world! 123 ö 🙂\n\t", BosToken.ADD);
                System.exit(0);
            } catch (InvalidInputException e) {
                System.exit(REFUSED);
            }
        }
    }
}
