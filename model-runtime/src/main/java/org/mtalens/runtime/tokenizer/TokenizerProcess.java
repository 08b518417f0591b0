package org.mtalens.runtime.tokenizer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mtalens.runtime.InvalidInputException;

/**
 * The Rust {@code tokenizers} library for one {@code tokenizer.json}, run in a child JVM
 * ({@link TokenizerServer}). A panic inside the library aborts the process it runs in (it cannot unwind into
 * Java): fuzzing found one while reading a file, the red team one while encoding (a pre-tokenizer regex that
 * backtracks until Oniguruma gives up). Here only the child dies: its death, or a request it does not answer
 * within {@value #REQUEST_TIMEOUT_SECONDS} s, becomes an {@link InvalidInputException} with the library's
 * panic message, and the next request starts a fresh child (the file may well encode other text).
 *
 * <p>Costs one JVM start when the file is opened (about 0.5-1 s; it replaces the separate check the file
 * had before) and a round trip through a pipe per request (docs/RELIABILITY.md has the figures). The child
 * ends when this process does (its stdin closes) or when the tokenizer becomes unreachable.
 */
final class TokenizerProcess implements NativeTokenizer {
    static final long LOAD_TIMEOUT_SECONDS = 60;
    static final long REQUEST_TIMEOUT_SECONDS = 10;
    private static final Cleaner CLEANER = Cleaner.create();

    /** Something written to the child. */
    @FunctionalInterface
    private interface Request {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /** Something read from the child after an OK. */
    @FunctionalInterface
    private interface Reply<T> {
        T readFrom(DataInputStream in) throws IOException;
    }

    private final Path file;
    private final String mainClass;
    private final long requestTimeoutSeconds;
    private final Holder holder = new Holder();

    private TokenizerProcess(Path file, String mainClass, long requestTimeoutSeconds) {
        this.file = file;
        this.mainClass = mainClass;
        this.requestTimeoutSeconds = requestTimeoutSeconds;
        CLEANER.register(this, holder::stop);
    }

    /**
     * Starts the child on {@code file}: it loads the file and encodes a sample.
     *
     * @throws InvalidInputException naming the file when the library refuses it, crashes or hangs on it
     */
    static TokenizerProcess start(Path file) {
        return start(file, TokenizerServer.class.getName(), REQUEST_TIMEOUT_SECONDS);
    }

    /** As {@link #start(Path)} with another child main class and timeout (tests stand in for a crashing library). */
    static TokenizerProcess start(Path file, String mainClass, long requestTimeoutSeconds) {
        TokenizerProcess process = new TokenizerProcess(file, mainClass, requestTimeoutSeconds);
        process.running();
        return process;
    }

    @Override
    public synchronized NativeEncoding encode(String text, boolean addSpecialTokens) {
        return request("encoding this text", out -> {
            out.writeByte(TokenizerProtocol.ENCODE);
            TokenizerProtocol.writeText(out, text);
            out.writeBoolean(addSpecialTokens);
        }, TokenizerProtocol::readEncoding);
    }

    @Override
    public synchronized String decode(long[] ids) {
        return request("decoding", out -> {
            out.writeByte(TokenizerProtocol.DECODE);
            TokenizerProtocol.writeIds(out, ids);
        }, TokenizerProtocol::readText);
    }

    private <T> T request(String doing, Request request, Reply<T> reply) {
        ChildProcess child = running();
        try {
            request.writeTo(child.out);
            child.out.flush();
            return child.reply(reply, requestTimeoutSeconds);
        } catch (TokenizerProtocol.ReplyError refused) {
            throw new InvalidInputException(refused.getMessage());
        } catch (IOException | TimeoutException | InterruptedException e) {
            throw failed(child, doing, e);
        }
    }

    /** The running child, started (and checked on the sample) when there is none. */
    private ChildProcess running() {
        ChildProcess child = holder.child;
        if (child != null && child.process.isAlive()) {
            return child;
        }
        holder.stop();
        child = ChildProcess.launch(file, mainClass);
        try {
            child.reply(in -> null, LOAD_TIMEOUT_SECONDS);
        } catch (TokenizerProtocol.ReplyError refused) {
            child.stop();
            throw new InvalidInputException(refused.getMessage());
        } catch (IOException | TimeoutException | InterruptedException e) {
            throw failed(child, "reading it", e);
        }
        holder.child = child;
        return child;
    }

    private InvalidInputException failed(ChildProcess child, String doing, Exception e) {
        holder.stop();
        String death = child.stop();
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new InvalidInputException(file + ": interrupted while the tokenizers library was " + doing, e);
        }
        if (e instanceof TimeoutException) {
            long seconds = doing.equals("reading it") ? LOAD_TIMEOUT_SECONDS : requestTimeoutSeconds;
            return new InvalidInputException(file + ": the Hugging Face tokenizers library did not finish " + doing + " in "
                    + seconds + " s; its process was stopped");
        }
        return new InvalidInputException(file + ": the Hugging Face tokenizers library crashed " + doing + " (" + death
                + "); it ran in a separate process, so nothing else was affected", e);
    }

    /** The current child; the cleaner stops it when the tokenizer is gone (it must not refer to the tokenizer). */
    private static final class Holder {
        volatile ChildProcess child;

        void stop() {
            ChildProcess running = child;
            child = null;
            if (running != null) {
                running.stop();
            }
        }
    }

    /** One child JVM with its pipes, the thread that reads its replies and the tail of what it printed. */
    private static final class ChildProcess {
        final Process process;
        final DataOutputStream out;
        final DataInputStream in;
        final ExecutorService reader;
        final OutputTail stderr;

        private ChildProcess(Process process) {
            this.process = process;
            this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
            this.reader = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "tokenizer-process-reader");
                thread.setDaemon(true);
                return thread;
            });
            this.stderr = OutputTail.start(process.getErrorStream());
        }

        static ChildProcess launch(Path file, String mainClass) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            try {
                return new ChildProcess(new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1", "-XX:+DisplayVMOutputToStderr", "-Dai.djl.offline=true", "-cp",
                        System.getProperty("java.class.path"), mainClass, file.toString())).start());
            } catch (IOException e) {
                throw new InvalidInputException(file + ": could not start a separate process for the tokenizers library: "
                        + e.getMessage(), e);
            }
        }

        /** Reads one reply's status and body within {@code seconds}. */
        <T> T reply(Reply<T> body, long seconds) throws IOException, TimeoutException, InterruptedException {
            Future<T> reply = reader.submit(() -> {
                TokenizerProtocol.readStatus(in);
                return body.readFrom(in);
            });
            try {
                return reply.get(seconds, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (TimeoutException | InterruptedException e) {
                reply.cancel(true);
                throw e;
            }
        }

        /** Stops the child (if it still runs) and says how it ended: its exit code and the library's panic. */
        String stop() {
            process.destroyForcibly();
            reader.shutdownNow();
            try {
                boolean ended = process.waitFor(5, TimeUnit.SECONDS);
                String printed = stderr.await();
                String panic = OutputTail.panic(printed);
                return (ended ? "exit code " + process.exitValue() : "it did not end") + (panic.isEmpty() ? "" : ": " + panic);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }
}
