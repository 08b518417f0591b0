package org.mtalens.viz.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MapTilesTest {
    @Test
    void eightStagesOnAWideScreenGoFourToARowAndFillTheWindow() {
        MapTiles t = MapTiles.of(2400, 1400, 8, 12, 240);
        assertThat(t.columns()).isEqualTo(4);
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.tileWidth()).isCloseTo((2400 - 36) / 4.0, offset(1e-9));
        assertThat(t.tileHeight()).isCloseTo((1400 - 12) / 2.0, offset(1e-9));
        assertThat(t.scrolls()).isFalse();
    }

    @Test
    void oneMapTakesTheWholePane() {
        MapTiles t = MapTiles.of(900, 700, 1, 12, 240);
        assertThat(t.columns()).isEqualTo(1);
        assertThat(t.tileWidth()).isEqualTo(900);
        assertThat(t.tileHeight()).isEqualTo(700);
    }

    @Test
    void theColumnCountGivesTheLargestSquarePlot() {
        // 4 maps in a wide, short pane: one row of four beats two rows of two
        assertThat(MapTiles.of(1280, 600, 4, 10, 200).columns()).isEqualTo(4);
        // 4 maps in a square pane: two by two
        assertThat(MapTiles.of(800, 800, 4, 10, 200).columns()).isEqualTo(2);
        // never more than four to a row
        assertThat(MapTiles.of(5000, 300, 8, 10, 100).columns()).isEqualTo(4);
    }

    @Test
    void whenTilesWouldBeTooSmallRowsScrollWithTilesAtLeastTheMinimumWide() {
        MapTiles t = MapTiles.of(1000, 400, 8, 10, 240);
        assertThat(t.columns()).isEqualTo(4);
        assertThat(t.tileWidth()).isCloseTo(242.5, offset(1e-9));
        assertThat(t.tileHeight()).isCloseTo(242.5, offset(1e-9));
        assertThat(t.scrolls()).isTrue();
        assertThat(t.y(5, 10)).isCloseTo(252.5, offset(1e-9));
        assertThat(t.x(5, 10)).isCloseTo(252.5, offset(1e-9));

        MapTiles narrow = MapTiles.of(400, 500, 8, 10, 240);
        assertThat(narrow.columns()).isEqualTo(1);
        assertThat(narrow.tileHeight()).isEqualTo(400);
    }
}
