package org.mtalens.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two summaries of one corpus agree but for the last digits of sums taken in another order. */
class SummaryComparisonTest {
    @TempDir
    Path dir;

    private static final String SUMMARY = """
            {"documents": 3, "distributions": [{"statistic": "mta_change", "layer": 1, "head": 0, "count": 3,
              "mean": %s, "std": 0.0668327740021427, "quantiles": [0.1, 0.2]}],
             "topCells": [{"document": "%s", "query": 4, "key": 2}]}
            """;

    private Path write(String name, String mean, String document) throws Exception {
        return Files.writeString(dir.resolve(name), String.format(SUMMARY, mean, document));
    }

    @Test
    void meansAndStdsMayDifferInTheirLastDigitsButNothingElseMay() throws Exception {
        Path local = write("local.json", "0.2345678901234567", "fb1");
        assertThat(SummaryComparison.difference(local, write("cluster.json", "0.2345678901234569", "fb1"))).isEmpty();
        assertThat(SummaryComparison.difference(local, write("mean.json", "0.2345679", "fb1")))
                .hasValueSatisfying(d -> assertThat(d).startsWith("$.distributions[0].mean: "));
        assertThat(SummaryComparison.difference(local, write("cell.json", "0.2345678901234567", "fb2")))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo("$.topCells[0].document: \"fb1\" vs \"fb2\""));
    }
}
