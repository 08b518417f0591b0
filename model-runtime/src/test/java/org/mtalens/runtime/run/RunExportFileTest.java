package org.mtalens.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.MtaLensVersion;
import org.mtalens.runtime.checkpoint.DType;
import org.mtalens.runtime.checkpoint.SafetensorsReader;
import org.mtalens.runtime.checkpoint.SafetensorsWriter;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.export.ExportProvenance;
import org.mtalens.runtime.export.Npz;
import org.mtalens.runtime.testing.Fixtures;

/**
 * {@code run --export}: a file that cannot be written is a message naming it (exit code 2), checked before the
 * run; the written file has the permissions of any file the user makes and says what it holds (heads, labels,
 * checkpoint, ablation, device, versions); NaN logits are warned about.
 */
class RunExportFileTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) throws Exception {
        return RunCall.run(out, args);
    }

    private static String tiny() {
        return Fixtures.folder("tiny").toString();
    }

    private String listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    @Test
    void anExportOntoAFolderIsRefusedNamingItAndLeavesTheFolderAlone() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("maps.npz"));

        assertThatThrownBy(() -> run(tiny(), "--tokens", "1,2", "--export", folder.toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(folder + ": is a folder");

        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void anExportUnderARegularFileIsRefusedNamingBoth() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path under = file.resolve("maps.npz");

        assertThatThrownBy(() -> run(tiny(), "--tokens", "1,2", "--export", under.toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(under + ": cannot be written: " + file + " is a file, not a folder");
        assertThat(file).hasContent("mine");
    }

    @Test
    void anExportWhereNoFileCanBeMadeIsAMessageNamingIt() {
        Path sysfs = Path.of("/sys/kernel");
        assumeTrue(Files.isDirectory(sysfs), "needs Linux sysfs, where no file can be created");
        Path target = sysfs.resolve("maps.npz");

        assertThatThrownBy(() -> run(tiny(), "--tokens", "1,2", "--export", target.toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(target + ": cannot be written: ")
                .hasMessageContaining("nothing was written");
    }

    @Test
    void theExportedFileHasTheDefaultPermissionsOfTheUsersFilesNotOwnerOnly() throws Exception {
        Path npz = dir.resolve("maps.npz");
        Path reference = Files.createFile(dir.resolve("any-new-file"));

        run(tiny(), "--tokens", "1,2", "--export", npz.toString());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(npz)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)));
    }

    @Test
    void theExportRecordsItsHeadsLabelsCheckpointAblationDeviceAndVersions() throws Exception {
        Path npz = dir.resolve("maps.npz");

        run(tiny(), "--tokens", "3,17,5", "--heads", "1,3", "--stages", "final", "--ablate", "L1.pre_sm_conv",
                "--device", "cpu", "--export", npz.toString());

        assertThat(Npz.read(npz).get("layer0/final").shape()).containsExactly(2, 3, 3);
        assertThat(Npz.read(npz).get("heads").longs()).containsExactly(1, 3);
        JsonNode meta = new ObjectMapper().readTree(Npz.readFile(npz, ExportProvenance.META_JSON, 1 << 20));
        assertThat(meta.get("heads").toString()).isEqualTo("[1,3]");
        assertThat(meta.get("tokens").toString()).isEqualTo("[3,17,5]");
        assertThat(meta.get("labels").toString()).isEqualTo("[\"^C\",\"^Q\",\"^E\"]"); // the bytes tokenizer's labels
        assertThat(meta.get("checkpoint").asText()).isEqualTo(Path.of(tiny(), "consolidated", "consolidated.pth").toString());
        assertThat(meta.get("ablation").asText()).isEqualTo("L1.pre_sm_conv");
        assertThat(meta.get("device").asText()).isEqualTo("cpu");
        assertThat(meta.get("stages_by_layer").toString()).isEqualTo("{\"0\":[\"final\"],\"1\":[\"final\"]}");
        assertThat(meta.get("libtorch_version").asText()).isEqualTo(Engine.getEngine("PyTorch").getVersion())
                .matches("\\d+\\.\\d+\\.\\d+");
        assertThat(meta.get("mta_lens_version").asText()).isEqualTo(MtaLensVersion.current());
        assertThat(listing()).isEqualTo("[maps.npz]");
    }

    @Test
    void logitsThatAreAllNanAreWarnedAboutInTextAndJson() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("nan"));
        Files.copy(Fixtures.folder("tiny").resolve("config.json"), folder.resolve("config.json"));
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafetensorsReader.read(
                Fixtures.folder("tiny").resolve("model.safetensors")));
        float[] nan = new float[64];
        Arrays.fill(nan, Float.NaN);
        ByteBuffer bytes = ByteBuffer.allocate(nan.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(nan);
        tensors.put("norm.weight", new Tensor("norm.weight", new long[] {64}, DType.F32, bytes));
        SafetensorsWriter.write(folder.resolve("model.safetensors"), tensors);

        run(folder.toString(), "--tokens", "1,2");
        assertThat(out.toString()).contains("warning:    all 32 logits are NaN: this run predicts nothing");
        out.getBuffer().setLength(0);
        run(folder.toString(), "--tokens", "1,2", "--json");

        JsonNode warnings = new ObjectMapper().readTree(out.toString()).get("warnings");
        assertThat(warnings.toString()).contains("tensor 'norm.weight' has 64 non-finite values")
                .contains("all 32 logits are NaN"); // the last position's: a trace computes the logits it is asked for
    }
}
