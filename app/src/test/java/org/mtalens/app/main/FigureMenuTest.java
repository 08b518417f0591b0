package org.mtalens.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser.ExtensionFilter;
import org.junit.jupiter.api.Test;

class FigureMenuTest {
    private static final ExtensionFilter SVG = new ExtensionFilter("SVG figure", "*.svg");
    private static final ExtensionFilter PDF = new ExtensionFilter("PDF figure", "*.pdf");

    @Test
    void aNameWithoutAFigureExtensionGetsTheChosenFiltersOne() {
        assertThat(FigureMenu.withExtension(Path.of("/tmp/fig"), List.of(SVG, PDF), PDF)).isEqualTo(Path.of("/tmp/fig.pdf"));
        assertThat(FigureMenu.withExtension(Path.of("/tmp/fig.v2"), List.of(SVG, PDF), SVG))
                .isEqualTo(Path.of("/tmp/fig.v2.svg"));
        assertThat(FigureMenu.withExtension(Path.of("/tmp/fig"), List.of(SVG, PDF), null)).isEqualTo(Path.of("/tmp/fig.svg"));
    }

    @Test
    void aNameWithAnyFigureExtensionIsKeptWhicheverFilterIsChosen() {
        assertThat(FigureMenu.withExtension(Path.of("/tmp/fig.PDF"), List.of(SVG, PDF), SVG))
                .isEqualTo(Path.of("/tmp/fig.PDF"));
        assertThat(FigureMenu.withExtension(Path.of("/tmp/fig.svg"), List.of(SVG, PDF), PDF))
                .isEqualTo(Path.of("/tmp/fig.svg"));
    }
}
