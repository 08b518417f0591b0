package org.mtalens.runtime.libtorch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlavourRulesTest {
    static final BundledLibtorch CPU = new BundledLibtorch("cpu", "2.5.1-20241113", "linux-x86_64", List.of("libtorch.so"));
    static final BundledLibtorch CU124 = new BundledLibtorch("cu124", "2.5.1-20241113", "linux-x86_64", List.of("libtorch.so"));
    static final CudaDriver NO_DRIVER = new CudaDriver(null, 0, List.of(),
            "no NVIDIA driver: /proc/driver/nvidia/version does not exist and libcuda.so.1 cannot be loaded");
    static final CudaDriver H200_CUDA_13 = new CudaDriver("580.159.03", 13000,
            List.of(new CudaDriver.Gpu(0, "NVIDIA H200", 150_754_820_096L)), null);
    static final CudaDriver OLD_DRIVER = new CudaDriver("535.54.03", 12020,
            List.of(new CudaDriver.Gpu(0, "NVIDIA A100", 42_949_672_960L)), null);
    static final CudaDriver DRIVER_WITHOUT_GPU = new CudaDriver("550.54.15", 12040, List.of(),
            "no GPU: the NVIDIA driver reports no CUDA device");

    private static LibtorchChoice choose(List<BundledLibtorch> bundled, CudaDriver driver) {
        return FlavourRules.choose(bundled, driver, null, Map.of());
    }

    @Test
    void theCpuBuildKeepsTheCpuLibtorchAndLeavesFindingItToDjlAsBefore() {
        LibtorchChoice choice = choose(List.of(CPU), H200_CUDA_13);

        assertThat(choice.flavour()).isEqualTo("cpu");
        assertThat(choice.bundled()).as("DJL finds the only libtorch itself").isNull();
        assertThat(choice.reason()).contains("only the CPU libtorch").contains("MTA_LENS_GPU=1");
    }

    @Test
    void theGpuBuildWithoutADriverRunsTheCpuLibtorchAndNamesTheMissingDriver() {
        LibtorchChoice choice = choose(List.of(CU124, CPU), NO_DRIVER);

        assertThat(choice.flavour()).isEqualTo("cpu");
        assertThat(choice.cuda()).isFalse();
        assertThat(choice.problem()).isNull();
        assertThat(choice.bundled()).as("MTA Lens points DJL at the CPU libtorch: no download is ever tried").isEqualTo(CPU);
        assertThat(choice.reason()).isEqualTo(NO_DRIVER.problem());
    }

    @Test
    void aDriverForAnOlderCudaRunsTheCpuLibtorchAndSaysWhichVersionsDisagree() {
        LibtorchChoice choice = choose(List.of(CU124, CPU), OLD_DRIVER);

        assertThat(choice.flavour()).isEqualTo("cpu");
        assertThat(choice.reason()).contains("535.54.03").contains("CUDA up to 12.2").contains("needs CUDA 12.4");
    }

    @Test
    void aDriverWithoutAGpuRunsTheCpuLibtorchAndSaysThereIsNoGpu() {
        assertThat(choose(List.of(CU124, CPU), DRIVER_WITHOUT_GPU).reason()).startsWith("no GPU");
    }

    @Test
    void aDriverForANewerCudaWithAGpuRunsTheCudaLibtorch() {
        LibtorchChoice choice = choose(List.of(CU124, CPU), H200_CUDA_13);

        assertThat(choice.flavour()).isEqualTo("cu124");
        assertThat(choice.cuda()).isTrue();
        assertThat(choice.bundled()).isEqualTo(CU124);
        assertThat(choice.reason()).contains("CUDA 13.0").contains("1 GPU");
    }

    @Test
    void aNamedFlavourWinsOverTheMachineAndAFlavourTheBuildLacksIsAProblemNamingWhatItCarries() {
        assertThat(FlavourRules.choose(List.of(CU124, CPU), H200_CUDA_13, "cpu", Map.of()).flavour()).isEqualTo("cpu");

        LibtorchChoice missing = FlavourRules.choose(List.of(CPU), H200_CUDA_13, "cu124", Map.of());
        assertThat(missing.problem()).contains("mtalens.libtorch=cu124").contains("carries cpu").contains("MTA_LENS_GPU=1");
    }

    @Test
    void theUsersOwnDjlSettingsLeaveTheChoiceToDjl() {
        LibtorchChoice choice = FlavourRules.choose(List.of(CU124, CPU), NO_DRIVER, "cpu",
                Map.of("PYTORCH_LIBRARY_PATH", "/opt/libtorch/lib"));

        assertThat(choice.bundled()).isNull();
        assertThat(choice.problem()).isNull();
        assertThat(choice.reason()).contains("PYTORCH_LIBRARY_PATH=/opt/libtorch/lib");
    }

    @Test
    void aCudaFlavourNamesTheCudaVersionItNeedsInTheDriversEncoding() {
        assertThat(CU124.cudaVersion()).isEqualTo(12040);
        assertThat(new BundledLibtorch("cu118-precxx11", "2.0.1", "linux-x86_64", List.of()).cudaVersion()).isEqualTo(11080);
        assertThat(CPU.cudaVersion()).isZero();
        assertThat(CU124.cacheFolderName()).isEqualTo("2.5.1-20241113-cu124-linux-x86_64");
    }
}
