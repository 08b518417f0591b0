package org.mtalens.app.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.SessionLoader;
import org.mtalens.app.testing.SvgFiles;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.analysis.AttentionChange;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.viz.colour.Ticks;
import org.mtalens.viz.raster.LabelThinning;
import org.w3c.dom.Document;

/** Figures of the app's views of the tiny fixture run (2 layers, 4 heads, 24 tokens), exported as the menu does. */
class FigureExportTest {
    private final Executor now = Runnable::run;
    private MainViewModel vm;
    private final List<Path> written = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void openTiny() {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        vm.layerProperty().set(1);
        vm.headProperty().set(2);
    }

    @AfterEach
    void close() {
        vm.sessionProperty().get().close();
    }

    private Path export(FigureKind kind, Stage stage, String name) {
        Path file = dir.resolve(name);
        FigureExport.export(vm, FigureRequest.of(vm, kind, stage), file, 300, written::add);
        return file;
    }

    @Test
    void thePipelineSvgHoldsEveryStageOfTheLayerAndHeadTheTokensAndWhereItCameFrom() throws Exception {
        Path file = export(FigureKind.PIPELINE, Stage.FINAL, "pipeline.svg");

        assertThat(written).containsExactly(file);
        Document svg = SvgFiles.read(file);
        List<String> texts = SvgFiles.texts(svg);
        for (Stage stage : vm.selectedLayerPlan().orElseThrow().stages()) {
            assertThat(texts).contains("layer 1 \u00b7 head 2 \u00b7 " + stage.id());
        }
        for (String token : vm.tokenLabels()) {
            assertThat(texts).contains(LabelThinning.display(token, 12));
        }
        assertThat(SvgFiles.field(svg, "checkpoint")).isEqualTo("tiny");
        assertThat(SvgFiles.field(svg, "layer")).isEqualTo("1");
        assertThat(SvgFiles.field(svg, "head")).isEqualTo("2");
        assertThat(SvgFiles.field(svg, "tokens")).startsWith("24: ");
        assertThat(SvgFiles.field(svg, "token ids")).isEqualTo(String.join(",", java.util.Arrays.stream(
                TestCheckpoints.exampleTokens("tiny")).mapToObj(Integer::toString).toList()));
    }

    @Test
    void theMapFiguresColourRangeIsTheRunsValues() throws Exception {
        vm.stageProperty().set(Stage.POST_SM_CONV);
        Path file = export(FigureKind.MAP, Stage.FINAL, "map.pdf");

        AttentionMap run = vm.traceProperty().get().maps(1, new org.mtalens.runtime.model.MapQuery(
                Set.of(Stage.POST_SM_CONV), Set.of(2)), () -> false).map(Stage.POST_SM_CONV, 2).orElseThrow();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int q = 0; q < run.tokens(); q++) {
            for (int k = 0; k <= q; k++) {
                min = Math.min(min, run.value(q, k));
                max = Math.max(max, run.value(q, k));
            }
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String range = pdf.getDocumentInformation().getCustomMetadataValue(
                    "colour range \u00b7 layer 1 \u00b7 head 2 \u00b7 post_sm_conv");
            assertThat(range).contains("data " + Ticks.format(min) + " to " + Ticks.format(max));
            assertThat(pdf.getDocumentInformation().getCustomMetadataValue("stage")).isEqualTo("post_sm_conv");
            assertThat(new PDFTextStripper().getText(pdf)).contains("layer 1 \u00b7 head 2 \u00b7 post_sm_conv",
                    "max " + Ticks.format(max), "min " + Ticks.format(min));
        }
    }

    @Test
    void theGridPdfLabelsEveryLayerAndHeadAndMarksTheMtaLayer() throws Exception {
        Path file = export(FigureKind.GRID, Stage.POST_SM_CONV, "grid.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("post_sm_conv", "L0", "L1  MTA", "h0", "h1", "h2", "h3", "scale: all maps of the grid");
            assertThat(text.chars().filter(c -> c == '\u2014').count()).as("layer 0 runs no post_sm_conv: 4 dashes")
                    .isEqualTo(4);
        }
    }

    @Test
    void theChangeStripPrintsEachHeadsDivergenceAsTheAnalysisMeasuresIt() throws Exception {
        Path file = export(FigureKind.CHANGE, Stage.FINAL, "change.svg");
        List<String> texts = SvgFiles.texts(SvgFiles.read(file));
        for (int layer = 0; layer < 2; layer++) {
            for (HeadChange h : AttentionChange.perHead(vm.traceProperty().get(), layer, () -> false)) {
                assertThat(texts).contains(Ticks.format((float) h.meanDivergence()));
            }
        }
        assertThat(texts).contains("L0", "L1", "h0", "h3");
    }

    @Test
    void theInspectorDrawsTheLayersKernelsAndHeadMixingAndOnlyThose() throws Exception {
        List<String> layer1 = SvgFiles.texts(SvgFiles.read(export(FigureKind.INSPECTOR, Stage.FINAL, "inspector1.svg")));
        assertThat(layer1).anyMatch(t -> t.startsWith("layer 1 \u00b7 pre_sm_conv kernel"))
                .anyMatch(t -> t.startsWith("layer 1 \u00b7 post_sm_conv kernel"))
                .anyMatch(t -> t.startsWith("distance from identity: head 0"))
                .contains("layer 1 \u00b7 wpsm (before softmax)", "layer 1 \u00b7 head_kernel (after softmax)");

        vm.layerProperty().set(0);
        List<String> layer0 = SvgFiles.texts(SvgFiles.read(export(FigureKind.INSPECTOR, Stage.FINAL, "inspector0.svg")));
        assertThat(layer0).as("layer 0 mixes heads but has no key-query convolution")
                .contains("layer 0 \u00b7 wpsm (before softmax)").noneMatch(t -> t.contains("kernel  ("));
    }

    @Test
    void aPlainLayersInspectorIsAnErrorSayingWhyAndWritesNothing() {
        vm.open(TestCheckpoints.fixture("tiny-plain-gqa"));
        vm.layerProperty().set(0);
        Path plain = export(FigureKind.INSPECTOR, Stage.FINAL, "plain.svg");
        assertThat(vm.errorProperty().get().message()).contains("layer 0 is plain attention");
        assertThat(plain).doesNotExist();
    }

    @Test
    void aFileThatIsNeitherSvgNorPdfIsRefusedNamingIt() {
        assertThatThrownBy(() -> export(FigureKind.PIPELINE, Stage.FINAL, "figure.png"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("figure.png")
                .hasMessageContaining(".svg or .pdf");
    }
}
