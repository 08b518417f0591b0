package org.mtalens.runtime.libtorch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaDriverTest {
    @Test
    void theKernelModuleVersionIsReadFromTheDriversProcFile(@TempDir Path dir) throws Exception {
        Path proc = dir.resolve("version");
        Files.writeString(proc, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue Mar  5 22:23:56 UTC 2024\n"
                + "GCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n");

        assertThat(CudaDriver.kernelModule(proc)).isEqualTo("550.54.15");
        assertThat(CudaDriver.kernelModule(dir.resolve("absent"))).isNull();
    }

    @Test
    void cudaVersionsReadAsUsersWriteThem() {
        assertThat(CudaDriver.versionText(12040)).isEqualTo("12.4");
        assertThat(CudaDriver.versionText(13000)).isEqualTo("13.0");
        assertThat(FlavourRulesTest.NO_DRIVER.cudaVersionText()).isEmpty();
    }
}
