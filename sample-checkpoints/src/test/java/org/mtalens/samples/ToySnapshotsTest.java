package org.mtalens.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.analysis.KernelSeries;
import org.mtalens.runtime.analysis.KernelTrack;
import org.mtalens.runtime.checkpoint.CheckpointLoader;

class ToySnapshotsTest {
    @TempDir
    Path dir;

    private List<Path> snapshots() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void keepEveryWritesLoadableStepFoldersFromTheInitialWeightsOn() throws IOException {
        new ToyTrainer(TinyConfigs.config(true, 4, 4), 7, dir, 2).train(p -> { });

        assertThat(snapshots()).extracting(p -> p.getFileName().toString())
                .containsExactly("step-000000", "step-000002", "step-000004");
        assertThat(CheckpointLoader.load(dir.resolve("step-000004")).tensors())
                .isEqualTo(CheckpointLoader.load(dir).tensors()); // the last snapshot is the final save's weights
    }

    @Test
    void theSnapshotsFormAKernelSeriesThatLeavesTheIdentityInitialisation() throws IOException {
        new ToyTrainer(TinyConfigs.config(true, 4, 4), 7, dir, 2).train(p -> { });

        KernelSeries series = KernelSeries.load(snapshots());

        assertThat(series.labels()).containsExactly("step-000000", "step-000002", "step-000004");
        assertThat(series.tracks()).hasSize(2); // 1 layer, pre-softmax conv, 2 heads
        for (KernelTrack track : series.tracks()) {
            double[] distances = track.distances();
            assertThat(distances[0]).as(track.label()).isZero();
            assertThat(distances[2]).as(track.label()).isGreaterThan(0);
        }
    }

    @Test
    void trainToyKeepsSnapshotsWithKeepEvery() throws IOException {
        Path config = dir.resolve("tiny.json");
        Files.writeString(config, TinyConfigs.json(true, 2, 2));
        Path out = dir.resolve("run");

        int code = new picocli.CommandLine(new TrainToyCommand()).execute("--config", config.toString(),
                "--out", out.toString(), "--keep-every", "1", "--eval-instances", "0");

        assertThat(code).isZero();
        assertThat(out.resolve("step-000001").resolve("model.safetensors")).isRegularFile();
        assertThat(out.resolve("step-000002").resolve("config.json")).isRegularFile();
    }

    @Test
    void aNegativeKeepEveryIsRefused() {
        assertThatThrownBy(() -> new ToyTrainer(TinyConfigs.config(true, 2, 2), 7, dir, -1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keep-every");
    }
}
