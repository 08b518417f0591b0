package org.mtalens.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportGuardTest {
    @TempDir
    Path dir;

    @Test
    void anExistingFileIsNeverReplacedWithoutAskingAndStaysWhenTheUserSaysNo() throws Exception {
        Path file = Files.writeString(dir.resolve("maps.npz"), "old");
        List<Path> asked = new ArrayList<>();
        boolean written = new ExportGuard(p -> {
            asked.add(p);
            return false;
        }).write(file, f -> Files.writeString(f, "new"));
        assertThat(written).isFalse();
        assertThat(asked).containsExactly(file);
        assertThat(Files.readString(file)).isEqualTo("old");
    }

    @Test
    void aYesReplacesTheFileAndANewFileIsWrittenWithoutAsking() throws Exception {
        Path file = Files.writeString(dir.resolve("maps.npz"), "old");
        assertThat(new ExportGuard(p -> true).write(file, f -> Files.writeString(f, "new"))).isTrue();
        assertThat(Files.readString(file)).isEqualTo("new");
        Path fresh = dir.resolve("kernels.json");
        assertThat(new ExportGuard(p -> {
            throw new AssertionError("asked about a file that does not exist");
        }).write(fresh, f -> Files.writeString(f, "{}"))).isTrue();
        assertThat(fresh).hasContent("{}");
    }
}
