package org.mtalens.corpus;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/** {@code documents 120/10000 (1.2%), 35.1/s, ETA 4m 42s} on stderr, as partitions finish. */
final class ProgressLine implements LongConsumer {
    private final long total;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long last = -1;

    ProgressLine(long total, PrintWriter err) {
        this.total = total;
        this.err = err;
    }

    @Override
    public synchronized void accept(long done) {
        if (done == last) {
            return;
        }
        last = done;
        err.println("mta-lens corpus: " + line(done, (System.nanoTime() - start) / 1e9));
        err.flush();
    }

    /** @return the progress line after {@code seconds} */
    String line(long done, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && done < total ? ", ETA " + duration((total - done) / rate) : "";
        return String.format(java.util.Locale.ROOT, "documents %d/%d (%.1f%%), %.1f/s%s", done, total, 100.0 * done / total, rate, eta);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? (s / 3600) + "h " + (s % 3600 / 60) + "m" : s >= 60 ? (s / 60) + "m " + (s % 60) + "s" : s + "s";
    }
}
