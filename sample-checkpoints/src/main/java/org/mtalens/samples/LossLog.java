package org.mtalens.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The loss log beside a checkpoint: {@code loss.csv} with {@code step,loss,lr,tokens_per_s}. */
final class LossLog {
    static final String HEADER = "step,loss,lr,tokens_per_s";
    private final Path file;

    /** Opens the log; rows after {@code keepThroughStep} (written after the last save) are dropped. */
    LossLog(Path file, int keepThroughStep) throws IOException {
        this.file = file;
        List<String> kept = new ArrayList<>();
        kept.add(HEADER);
        if (Files.isRegularFile(file) && keepThroughStep > 0) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int comma = line.indexOf(',');
                if (comma > 0 && Character.isDigit(line.charAt(0)) && Integer.parseInt(line.substring(0, comma)) <= keepThroughStep) {
                    kept.add(line);
                }
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
    }

    void append(TrainingProgress p) throws IOException {
        String row = String.format(Locale.ROOT, "%d,%.6f,%.3e,%.0f%n", p.step(), p.loss(), p.learningRate(), p.tokensPerSecond());
        Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
