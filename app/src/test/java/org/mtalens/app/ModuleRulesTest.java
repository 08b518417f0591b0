package org.mtalens.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/ARCHITECTURE.md: model-runtime and sample-checkpoints never touch JavaFX; viz never
 * touches DJL or the runtime; only the corpus module uses Spark, and nothing depends on it; within each module no two packages depend on each other in a circle. Checked on the
 * compiled classes (ArchUnit) and, because an unused import leaves no trace in bytecode, on the sources too.
 */
class ModuleRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // model-runtime's test helpers, as a jar
            .importPackages("org.mtalens");

    @Test
    void runtimeNeverDependsOnJavaFx() {
        noClasses().that().resideInAPackage("org.mtalens.runtime..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void samplesNeverDependOnJavaFx() {
        noClasses().that().resideInAPackage("org.mtalens.samples..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.mtalens.viz..", "org.mtalens.app..")
                .check(CLASSES);
    }

    @Test
    void vizNeverDependsOnDjlOrTheRuntime() {
        noClasses().that().resideInAPackage("org.mtalens.viz..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.mtalens.runtime..",
                        "org.mtalens.samples..", "org.mtalens.app..")
                .check(CLASSES);
    }

    @Test
    void runtimeAndSampleSourcesImportNoJavaFx() {
        assertThat(sourcesImporting("model-runtime", "javafx\\.")).isEmpty();
        assertThat(sourcesImporting("sample-checkpoints", "javafx\\.")).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"runtime", "viz", "app"}) // samples is one package
    void noModuleHasPackagesThatDependOnEachOtherInACircle(String module) {
        slices().matching("org.mtalens." + module + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void vizSourcesImportNoDjlAndNoRuntime() {
        assertThat(sourcesImporting("viz", "(ai\\.djl\\.|org\\.mtalens\\.(runtime|samples|app)\\.)")).isEmpty();
    }

    @Test
    void noModuleButCorpusUsesSparkAndTheAppNeverDependsOnCorpus() throws IOException {
        noClasses().that().resideInAnyPackage("org.mtalens.app..", "org.mtalens.viz..", "org.mtalens.runtime..", "org.mtalens.samples..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.mtalens.corpus..")
                .check(CLASSES);
        for (String module : List.of("app", "viz", "model-runtime", "sample-checkpoints")) {
            assertThat(sourcesImporting(module, "(org\\.apache\\.spark\\.|org\\.mtalens\\.corpus\\.)")).as(module).isEmpty();
            assertThat(Files.readString(Path.of("..", module, "pom.xml"))).as(module + "/pom.xml")
                    .doesNotContain("<artifactId>corpus</artifactId>").doesNotContain("org.apache.spark");
        }
    }

    @Test
    void corpusSourcesImportNoJavaFxVizOrApp() {
        assertThat(sourcesImporting("corpus", "(javafx\\.|org\\.mtalens\\.(viz|app)\\.)")).isEmpty();
    }

    private static List<Path> sourcesImporting(String module, String packagePattern) {
        Path sources = Path.of("..", module, "src", "main", "java");
        assertThat(sources).as("sources of module %s", module).isDirectory();
        Pattern importLine = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?" + packagePattern);
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> importLine.matcher(read(f)).find())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
