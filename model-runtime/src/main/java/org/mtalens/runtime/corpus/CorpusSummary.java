package org.mtalens.runtime.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/**
 * {@code summary.json}, the small result of a corpus run that the app opens (File > Open corpus statistics...): per
 * layer, head and statistic the distribution over the documents, each head's top cells, the tokens of the documents
 * those cells are in, and the failed documents. Figures without a value (e.g. {@code target_mass} on a corpus of
 * text) are {@code "NaN"}.
 *
 * @param version      the format's version ({@link #VERSION})
 * @param checkpoint   the checkpoint's path as given
 * @param input        what was run: the input path, or {@code findblock N seed S}
 * @param documents    documents in the corpus
 * @param failed       documents that failed (see {@code failures})
 * @param layers       layers of the model
 * @param heads        heads per layer
 * @param topK         top cells kept per head
 * @param quantileLevels the levels of every {@link HeadDistribution#quantiles()}, e.g. 0.05 .. 0.95
 * @param distributions one per statistic, layer and head
 * @param topCells     per head its top cells over the corpus, largest |final - plain| first
 * @param cellDocuments the documents the top cells are in, with their tokens
 * @param failures     failed documents with the reason (at most {@link #MAX_FAILURES_LISTED}; the Parquet table has all)
 */
public record CorpusSummary(int version, String checkpoint, String input, long documents, long failed, int layers,
                            int heads, int topK, List<Double> quantileLevels, List<HeadDistribution> distributions,
                            List<TopCell> topCells, List<CellDocument> cellDocuments, List<FailedDocument> failures) {
    public static final int VERSION = 1;
    /** The quantiles every distribution gives. */
    public static final List<Double> QUANTILES = List.of(0.05, 0.25, 0.5, 0.75, 0.95);
    public static final int MAX_FAILURES_LISTED = 1000;
    public static final String FILE = "summary.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public CorpusSummary {
        quantileLevels = List.copyOf(quantileLevels);
        distributions = List.copyOf(distributions);
        topCells = List.copyOf(topCells);
        cellDocuments = List.copyOf(cellDocuments);
        failures = List.copyOf(failures);
    }

    /**
     * One statistic of one head over the documents that have it.
     *
     * @param statistic the statistic's id ({@link Statistic#id()})
     * @param count     documents with a value
     * @param mean      mean over them
     * @param std       standard deviation (sample) over them; NaN for fewer than two
     * @param quantiles at {@link CorpusSummary#quantileLevels()}
     */
    public record HeadDistribution(String statistic, int layer, int head, long count, double mean, double std,
                                   List<Double> quantiles) {
        public HeadDistribution {
            quantiles = List.copyOf(quantiles);
        }
    }

    /** A document a top cell is in: its id, token ids and labels. */
    public record CellDocument(String id, int[] tokens, List<String> labels) {
        public CellDocument {
            tokens = tokens.clone();
            labels = List.copyOf(labels);
        }

        @Override
        public int[] tokens() {
            return tokens.clone();
        }
    }

    /** A document that could not be run, and why. */
    public record FailedDocument(String id, String reason) {
    }

    /** @return the distribution of {@code statistic} at a head, if the summary has it */
    public Optional<HeadDistribution> distribution(Statistic statistic, int layer, int head) {
        return distributions.stream().filter(d -> d.statistic().equals(statistic.id()) && d.layer() == layer && d.head() == head)
                .findFirst();
    }

    /** @return the top cells of one head, largest first */
    public List<TopCell> topCells(int layer, int head) {
        return topCells.stream().filter(c -> c.layer() == layer && c.head() == head).toList();
    }

    /** @return the document a top cell is in */
    public Optional<CellDocument> document(String id) {
        return cellDocuments.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Writes this summary as {@code file}. */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /** Writes this summary's JSON to {@code out} (left open). */
    public void write(java.io.OutputStream out) throws IOException {
        JSON.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, this);
    }

    /** @return the summary in {@code file}; a file that is not one is bad input naming it */
    public static CorpusSummary read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(ShownName.of(file) + " is not a file");
        }
        CorpusSummary summary;
        try {
            summary = JSON.readValue(file.toFile(), CorpusSummary.class);
        } catch (IOException e) {
            throw new InvalidInputException(ShownName.of(file.getFileName()) + " is not a corpus summary: "
                    + ShownName.of(e.getMessage().lines().findFirst().orElse("")));
        } catch (RuntimeException e) {
            throw new InvalidInputException(ShownName.of(file.getFileName()) + " is not a corpus summary: " + e.getMessage());
        }
        if (summary.version() != VERSION || summary.distributions() == null || summary.layers() < 1 || summary.heads() < 1) {
            throw new InvalidInputException(ShownName.of(file.getFileName()) + " is not a corpus summary of version " + VERSION
                    + " (fields 'version', 'layers', 'heads', 'distributions')");
        }
        return summary;
    }
}
