package org.mtalens.runtime.tokenizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Drains a child process's output on a daemon thread, keeping its last {@value #KEPT_BYTES} bytes (so the child never blocks on it). */
final class OutputTail {
    static final int KEPT_BYTES = 8192;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;

    private OutputTail(InputStream in) {
        thread = new Thread(() -> drain(in), "tokenizer-process-stderr");
        thread.setDaemon(true);
    }

    static OutputTail start(InputStream in) {
        OutputTail tail = new OutputTail(in);
        tail.thread.start();
        return tail;
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (kept) {
                    kept.write(buffer, 0, n);
                    if (kept.size() > 2 * KEPT_BYTES) {
                        byte[] all = kept.toByteArray();
                        kept.reset();
                        kept.write(all, all.length - KEPT_BYTES, KEPT_BYTES);
                    }
                }
            }
        } catch (IOException ended) {
            // the process is gone: what was kept is all there is
        }
    }

    /** @return what was kept, after the stream ended (or after 10 s) */
    String await() throws InterruptedException {
        thread.join(10_000); // the process has ended: end of stream comes at once, unless a busy machine starves this thread
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }

    /** @return the line after Rust's "panicked at ...", the panic message, else the last line printed */
    static String panic(String output) {
        String[] lines = output.strip().split("\\R");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].contains("panicked at")) {
                return org.mtalens.runtime.ShownName.of(lines[i + 1].strip());
            }
        }
        return lines.length == 0 ? "" : org.mtalens.runtime.ShownName.of(lines[lines.length - 1].strip());
    }
}
