package org.mtalens.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.checkpoint.SafetensorsReader;
import org.mtalens.runtime.checkpoint.SafetensorsWriter;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.config.ModelConfigReader;
import org.mtalens.runtime.inspect.CheckpointInspection;
import org.mtalens.runtime.inspect.KernelDrift;
import org.mtalens.runtime.testing.Fixtures;

class KernelSeriesTest {
    @TempDir
    Path dir;

    private List<Path> run() throws IOException {
        return List.of(SeriesCheckpoints.write(dir.resolve("step-000000"), 0),
                SeriesCheckpoints.write(dir.resolve("step-000100"), 0.5f),
                SeriesCheckpoints.write(dir.resolve("step-000200"), 1));
    }

    @Test
    void seriesHasOneTrackPerLayerKindAndHeadLabelledByFolder() throws IOException {
        KernelSeries series = KernelSeries.load(run());

        assertThat(series.labels()).containsExactly("step-000000", "step-000100", "step-000200");
        assertThat(series.tracks()).extracting(KernelTrack::label).containsExactly(
                "L1 mta_kernel h0", "L1 mta_kernel h1", "L1 mta_kernel h2", "L1 mta_kernel h3",
                "L1 mta_kernel_after_sm h0", "L1 mta_kernel_after_sm h1", "L1 mta_kernel_after_sm h2",
                "L1 mta_kernel_after_sm h3");
        assertThat(series.tracks()).allSatisfy(t -> assertThat(t.snapshots()).hasSize(3));
    }

    @Test
    void distanceFromIdentityGrowsAsTheKernelsMoveAway() throws IOException {
        KernelTrack diagonal = KernelSeries.load(run()).tracks().get(0);

        // head 0 at progress t: (1-t) identity + t (identity + taps (0,0) and (1,1)): distance t * sqrt(2)
        assertThat(diagonal.distances()[0]).isCloseTo(0, within(1e-6));
        assertThat(diagonal.distances()[1]).isCloseTo(0.5 * Math.sqrt(2), within(1e-6));
        assertThat(diagonal.distances()[2]).isCloseTo(Math.sqrt(2), within(1e-6));
    }

    @Test
    void patternsFollowTheKernelsFromIdentityToTheirTargets() throws IOException {
        KernelSeries series = KernelSeries.load(run());

        assertThat(series.tracks()).allSatisfy(t ->
                assertThat(t.snapshots().get(0).pattern()).isEqualTo(KernelPattern.NEAR_IDENTITY));
        assertThat(series.tracks().subList(0, 4)).extracting(t -> t.last().pattern()).containsExactly(
                KernelPattern.DIAGONAL, KernelPattern.EDGE, KernelPattern.NEAR_IDENTITY, KernelPattern.OTHER);
        assertThat(series.tracks().get(1).last().kernel().value(2, 1)).isEqualTo(-1f);
    }

    @Test
    void perHeadDistancesAddUpToTheInspectorsKernelDistance() {
        Path tiny = Fixtures.folder("tiny");
        KernelSeries series = KernelSeries.of(List.of(CheckpointLoader.load(tiny)));
        for (KernelDrift drift : CheckpointInspection.inspect(tiny).kernels()) {
            if (!drift.kind().startsWith("mta_kernel")) {
                continue;
            }
            double squares = series.tracks().stream()
                    .filter(t -> t.layer() == drift.layer() && t.kind().equals(drift.kind()))
                    .mapToDouble(t -> t.last().distanceFromIdentity() * t.last().distanceFromIdentity()).sum();
            assertThat(Math.sqrt(squares)).as(drift.name()).isCloseTo(drift.distanceFromIdentity(), within(1e-4));
        }
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefusedByName() throws IOException {
        Path other = Fixtures.folder("tiny-plain-gqa");
        List<Path> paths = List.of(SeriesCheckpoints.write(dir.resolve("a"), 0), other);

        assertThatThrownBy(() -> KernelSeries.load(paths))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(other.toString())
                .hasMessageContaining("not the same run");
    }

    @Test
    void aSeriesWithoutKeyQueryKernelsIsRefused() throws IOException {
        Path plain = dir.resolve("plain");
        Files.createDirectories(plain);
        String config = Files.readString(Fixtures.folder("tiny").resolve("config.json"))
                .replaceAll("\"use_mta\"\\s*:\\s*true", "\"use_mta\": false");
        Files.writeString(plain.resolve("config.json"), config);
        var expected = ModelConfigReader.parseConfigJson(config, "plain").expectedTensorShapes().keySet();
        Map<String, Tensor> tensors = new LinkedHashMap<>(
                SafetensorsReader.read(Fixtures.folder("tiny").resolve("model.safetensors")));
        tensors.keySet().retainAll(expected);
        SafetensorsWriter.write(plain.resolve("model.safetensors"), tensors);

        assertThatThrownBy(() -> KernelSeries.load(List.of(plain)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no key-query convolution kernels");
    }

    @Test
    void anEmptySeriesIsRefused() {
        assertThatThrownBy(() -> KernelSeries.load(List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no checkpoints");
    }
}
