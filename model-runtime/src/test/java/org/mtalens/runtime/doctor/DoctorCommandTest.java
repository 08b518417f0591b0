package org.mtalens.runtime.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.MtaLensVersion;
import org.mtalens.runtime.model.MemoryBudget;
import org.mtalens.runtime.testing.FreshJvm;
import picocli.CommandLine;

class DoctorCommandTest {
    private final StringWriter out = new StringWriter();

    private int doctor(String... args) {
        CommandLine cli = new CommandLine(new DoctorCommand());
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.isObject() ? n.path("path").asText(n.path("device").asText()) : n.asText()));
        return texts;
    }

    @Test
    void jsonHasEveryFieldABugReportNeedsAndTheyDescribeThisProcess() throws Exception {
        assertThat(doctor("--json")).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("mta_lens").asText()).isEqualTo(MtaLensVersion.current());
        assertThat(json.at("/java/version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(json.at("/system/cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(json.at("/system/display").asText()).isNotEmpty();
        assertThat(texts(json.at("/libtorch/bundled"))).as("every build carries the CPU libtorch").contains("cpu 2.5.1-20241113");
        assertThat(json.at("/libtorch/version").asText()).isEqualTo("2.5.1");
        assertThat(json.at("/cuda_driver/problem").isTextual()).isTrue();
        List<String> devices = texts(json.get("devices"));
        assertThat(devices).startsWith("cpu");
        assertThat(json.at("/gpu/would_use").asBoolean()).isEqualTo(devices.stream().anyMatch(d -> d.startsWith("gpu")));
        if (!Files.exists(Path.of("/proc/driver/nvidia/version"))) { // this machine: no CUDA, whatever the build
            assertThat(json.at("/libtorch/chosen").asText()).isEqualTo("cpu");
            assertThat(json.at("/libtorch/cuda").asBoolean()).isFalse();
            assertThat(json.at("/gpu/would_use").asBoolean()).isFalse();
            assertThat(json.at("/gpu/why").asText()).contains("no NVIDIA driver");
        }
        assertThat(json.get("memory_budget_bytes").asLong()).isEqualTo(MemoryBudget.defaultBudget().bytes());
        Path cache = Path.of(json.at("/djl_cache/path").asText());
        Path libtorch = Path.of(json.at("/libtorch/path").asText());
        if (libtorch.startsWith(cache)) {
            assertThat(texts(json.at("/djl_cache/entries"))).contains(cache.relativize(libtorch).toString());
        }
    }

    @Test
    void theTextReportHasTheSameSectionsOneValuePerLine() {
        assertThat(doctor()).isZero();

        assertThat(out.toString()).contains("mta_lens: " + MtaLensVersion.current()).contains("\nlibtorch:\n")
                .contains("\n  chosen: ").contains("\ngpu:\n  would_use: ").contains("\ndjl_cache:\n  path: ");
    }

    @Test
    void aFlavourTheBuildLacksStopsPyTorchWithExit2NamingItAfterTheReport() throws Exception {
        FreshJvm.Result r = FreshJvm.run(List.of("-Dmtalens.libtorch=cu999"), DoctorCommand.class, "--json");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("mta-lens: PyTorch cannot start: mtalens.libtorch=cu999: this build carries ").contains("cpu")
                .doesNotContain("Exception");
        assertThat(new ObjectMapper().readTree(r.out()).at("/libtorch/error").asText()).contains("cu999");
    }

    @Test
    void aLibtorchThatCannotBeFoundOfflineIsExit2WithDjlsReasonNotAStackTrace(@TempDir Path cache) throws Exception {
        // the failure: DJL looks for a libtorch to download, which offline mode forbids
        FreshJvm.Result r = FreshJvm.run(List.of("-DPYTORCH_VERSION=9.9.9", "-DENGINE_CACHE_DIR=" + cache), DoctorCommand.class);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("PyTorch could not start").contains("PYTORCH_VERSION=9.9.9").contains("Offline mode")
                .doesNotContain("\tat ");
        assertThat(r.out()).contains("gpu:\n  would_use: false");
    }

    @Test
    void aNamedFlavourIsUnpackedByMtaLensAndPyTorchStartsFromThatFolder() throws Exception {
        FreshJvm.Result r = FreshJvm.run(List.of("-Dmtalens.libtorch=cpu"), DoctorCommand.class, "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/libtorch/why").asText()).isEqualTo("mtalens.libtorch=cpu");
        assertThat(json.at("/libtorch/djl_pointed_at").asText()).endsWith("2.5.1-20241113-cpu-linux-x86_64")
                .isEqualTo(json.at("/libtorch/path").asText());
    }
}
