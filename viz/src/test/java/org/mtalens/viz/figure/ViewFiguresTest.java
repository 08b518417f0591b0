package org.mtalens.viz.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtalens.viz.HeadMixing;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.PadKey;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.Ticks;
import org.mtalens.viz.grid.PooledMatrix;
import org.mtalens.viz.kernel.KernelText;
import org.mtalens.viz.testing.SyntheticMaps;
import org.w3c.dom.Document;

/** The figures of the kernel inspector, the model grid and the MTA-change strip say what their views say. */
class ViewFiguresTest {
    private static final FigureDescription DESCRIPTION = FigureDescription.titled("figure").with("checkpoint", "tiny");

    @Test
    void theInspectorFigurePrintsEveryTapWithItsOffsetsAndTheDistancesFromIdentity() throws Exception {
        // 2 heads, c_q = 2, c_k = 3: head 0 the identity kernel, head 1 a blur
        float[] taps = {0, 0, 0, 0, 1, 0, 0.1f, 0.2f, 0.1f, 0.25f, 0.5f, -0.25f};
        Kernel kernel = new Kernel("layer 1 · pre_sm_conv kernel", 2, 2, 3, taps, PadKey.BOTH);
        HeadMixing mixing = HeadMixing.linear("layer 1 · wpsm (before softmax)", 2, new float[] {0.9f, 0.1f, -0.2f, 1.1f});
        Figure figure = Figures.inspector("layer 1 · kernels and head mixing", List.of(kernel), List.of(mixing), DESCRIPTION);

        List<String> texts = WrittenFigures.texts(WrittenFigures.svg(WrittenFigures.write(figure, FigureFormat.SVG, 300,
                "inspector")));

        assertThat(texts).contains(KernelText.title(kernel), KernelText.distances(kernel, KernelText.ALL_HEADS),
                "head 0", "head 1", "query offset \u2192", "key offset \u2192", "-1", "0", "+1",
                "layer 1 · wpsm (before softmax)", "destination head \u2192", "source head \u2192", "h0", "h1");
        assertThat(texts).as("every tap's value").contains("1.00", "0.10", "0.20", "0.25", "0.50", "-0.25", "0.90",
                "-0.20", "1.10");
        assertThat(figure.description().fields()).containsKeys("colour range · layer 1 · pre_sm_conv kernel",
                "colour range · layer 1 · wpsm (before softmax)");
    }

    @Test
    void theGridFigureLabelsLayersAndHeadsMarksMtaLayersAndDrawsPooledThumbnailsAsImages() throws Exception {
        PooledMatrix[][] maps = new PooledMatrix[2][3];
        for (int h = 0; h < 3; h++) {
            maps[1][h] = PooledMatrix.pool(SyntheticMaps.weights("l1h" + h, 400, h), 100);
        }
        Figure figure = Figures.grid("post_sm_conv", maps, Set.of(1), DESCRIPTION);

        Document svg = WrittenFigures.svg(WrittenFigures.write(figure, FigureFormat.SVG, 150, "grid-pooled"));

        assertThat(WrittenFigures.texts(svg)).contains("post_sm_conv  ·  2 layers × 3 heads", "L0", "L1  MTA", "h0",
                "h1", "h2", "scale: all maps of the grid").filteredOn("\u2014"::equals).as("layer 0 runs no post_sm_conv")
                .hasSize(3);
        assertThat(WrittenFigures.images(svg)).hasSize(3).allSatisfy(image -> assertThat(image.getWidth()).isEqualTo(100));
        assertThat(figure.description().fields()).containsKey("colour range · post_sm_conv");
    }

    @Test
    void aGridOfShortMapsIsVectorCells() throws Exception {
        PooledMatrix[][] maps = {{PooledMatrix.pool(SyntheticMaps.weights("a", 12, 1), 100),
                PooledMatrix.pool(SyntheticMaps.weights("b", 12, 2), 100)}};
        Document svg = WrittenFigures.svg(WrittenFigures.write(Figures.grid("final", maps, Set.of(), DESCRIPTION),
                FigureFormat.SVG, 300, "grid-vector"));
        assertThat(WrittenFigures.images(svg)).isEmpty();
        assertThat(WrittenFigures.elements(svg, "rect")).as("12 rows of cells per thumbnail").hasSizeGreaterThan(24);
    }

    @Test
    void theStripPrintsEachHeadsChangeInItsCell() throws Exception {
        float[] change = {0.0123f, 0.2f, Float.NaN, 0.05f, 0.31f, 0.001f};
        Matrix strip = new Matrix("mean JS divergence of final from plain attention (nats)", 2, 3, change,
                List.of("L0", "L1"), List.of("h0", "h1", "h2"), ValueKind.WEIGHT, false);
        Figure figure = Figures.strip(strip, DESCRIPTION);

        List<String> texts = WrittenFigures.texts(WrittenFigures.svg(WrittenFigures.write(figure, FigureFormat.SVG, 300,
                "strip")));

        assertThat(texts).contains("L0", "L1", "h0", "h1", "h2", "layer \u2193", "head \u2192");
        for (float v : change) {
            if (!Float.isNaN(v)) {
                assertThat(texts).contains(Ticks.format(v));
            }
        }
        assertThat(texts).doesNotContain("NaN").doesNotContain("masked");
    }
}
