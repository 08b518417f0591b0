package org.mtalens.runtime.libtorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.djl.Device;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.model.ComputeDevice;

/** The libtorch choice on a machine without CUDA, such as the development machines and CI (skipped where a driver is). */
class ThisMachineWithoutCudaTest {
    @BeforeAll
    static void onlyWithoutAnNvidiaDriver() {
        assumeFalse(Files.exists(CudaDriver.PROC_VERSION), "this machine has an NVIDIA driver");
    }

    @Test
    void theProbeFindsNoDriverAndSaysWhatIsMissing() {
        CudaDriver driver = CudaDriver.probe();

        assertThat(driver.usable()).isFalse();
        assertThat(driver.gpus()).isEmpty();
        assertThat(driver.problem()).startsWith("no NVIDIA driver").contains("/proc/driver/nvidia/version").contains("libcuda.so.1");
    }

    @Test
    void aGpuBuildHereWouldRunTheCpuLibtorchBecauseOfTheMissingDriver() {
        LibtorchChoice choice = FlavourRules.choose(List.of(FlavourRulesTest.CU124, FlavourRulesTest.CPU), CudaDriver.probe(), null, Map.of());

        assertThat(choice.flavour()).isEqualTo("cpu");
        assertThat(choice.reason()).startsWith("no NVIDIA driver");
    }

    @Test
    void thisProcessRunsOnTheCpuAndAGpuRequestIsBadInputNamingTheMissingDriver() {
        assertThat(ComputeDevice.resolve("auto")).isEqualTo(Device.cpu());
        assertThat(ComputeDevice.cpuFallback()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("no NVIDIA driver");
        assertThatThrownBy(() -> ComputeDevice.resolve("gpu")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--device gpu: no GPU can be used").hasMessageContaining("no NVIDIA driver");
    }
}
