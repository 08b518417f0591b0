package org.mtalens.runtime.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;

class CorpusSummaryTest {
    @TempDir
    Path dir;

    @Test
    void aSummaryReadsBackAsWrittenWithNaNForMissingFigures() throws Exception {
        CorpusSummary summary = new CorpusSummary(CorpusSummary.VERSION, "ckpt", "in.jsonl", 3, 1, 1, 2, 5, CorpusSummary.QUANTILES,
                List.of(new CorpusSummary.HeadDistribution("mta_change", 0, 1, 2, 0.25, 0.1, List.of(0.1, 0.2, 0.25, 0.3, 0.4)),
                        new CorpusSummary.HeadDistribution("target_mass", 0, 1, 0, Double.NaN, Double.NaN,
                                List.of(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN))),
                List.of(new TopCell("d1", 0, 1, 4, 2, 0.1, 0.6, "a b [c]", "[x] y")),
                List.of(new CorpusSummary.CellDocument("d1", new int[] {1, 2, 3, 4, 5}, List.of("a", "b", "c", "d", "e"))),
                List.of(new CorpusSummary.FailedDocument("d3", "too long")));
        Path file = dir.resolve(CorpusSummary.FILE);
        summary.write(file);
        CorpusSummary read = CorpusSummary.read(file);
        assertThat(read.distribution(Statistic.MTA_CHANGE, 0, 1).orElseThrow().quantiles()).containsExactly(0.1, 0.2, 0.25, 0.3, 0.4);
        assertThat(read.distribution(Statistic.TARGET_MASS, 0, 1).orElseThrow().mean()).isNaN();
        assertThat(read.topCells(0, 1).get(0).difference()).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(read.document("d1").orElseThrow().tokens()).containsExactly(1, 2, 3, 4, 5);
        assertThat(read.failures()).containsExactly(new CorpusSummary.FailedDocument("d3", "too long"));
    }

    @Test
    void aFileThatIsNotASummaryIsBadInputNamingIt() throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"version\": 1, \"layers\": 0}");
        assertThatThrownBy(() -> CorpusSummary.read(file)).isInstanceOf(InvalidInputException.class).hasMessageContaining("other.json");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> CorpusSummary.read(file)).isInstanceOf(InvalidInputException.class).hasMessageContaining("other.json");
    }
}
