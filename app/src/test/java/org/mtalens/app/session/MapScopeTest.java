package org.mtalens.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.MemoryBudget;

/** What the views hold of a layer: the whole layer, one head or one map, by the memory the held maps may take. */
class MapScopeTest {
    private static final long GB = 1_000_000_000L;
    private final ModelConfig tiny = loadTiny();

    private static ModelConfig loadTiny() {
        return CheckpointLoader.load(TestCheckpoints.fixture("tiny")).config();
    }

    @Test
    void heldMapsMayTakeTheBudgetButNoMoreThanASixthOfTheMachine() {
        assertThat(ViewMemory.of(new MemoryBudget(7 * GB), 24 * GB).bytes()).isEqualTo(4 * GB);
        assertThat(ViewMemory.of(new MemoryBudget(1 * GB), 24 * GB).bytes()).isEqualTo(1 * GB);
        assertThat(ViewMemory.of(new MemoryBudget(1 * GB), -1).bytes()).as("physical memory unknown").isEqualTo(1 * GB);
    }

    @Test
    void aLayerThatFitsIsHeldWhole() {
        MapScope scope = MapScope.of(tiny, new ViewMemory(GB), 1, 24, 0, Stage.FINAL);
        assertThat(scope.query()).isEqualTo(MapQuery.all());
        assertThat(scope.note()).isEmpty();
    }

    @Test
    void onA24GbMachineAnMtaLayerOfThe830mShapeIsHeldWholeAt2048TokensAndOneHeadAtATimeAt4096() throws Exception {
        ModelConfig paper = org.mtalens.runtime.bench.PaperShapedCheckpoint.config();
        ViewMemory memory = ViewMemory.of(new MemoryBudget(7 * GB), 24 * GB); // bin/mta-lens's heap on such a machine
        assertThat(MapScope.of(paper, memory, 10, 2048, 3, Stage.FINAL).query()).as("96 maps of 8.4 MB")
                .isEqualTo(MapQuery.all());
        MapScope longer = MapScope.of(paper, memory, 10, 4096, 3, Stage.FINAL);
        assertThat(longer.query()).as("96 maps of 33.6 MB, beside the trace and the 6 maps drawn")
                .isEqualTo(MapQuery.head(3));
        assertThat(longer.note()).isEqualTo("Showing one head at a time: all 16 heads of layer 10 at T=4096 need 3.22 GB,"
                + " more than the 2.97 GB free for maps.");
    }

    @Test
    void aLayerTooLargeIsHeldOneHeadAtATimeAndTheStatusSaysWhy() {
        int tokens = 1000;
        int stages = tiny.layerPlan(1).stages().size();
        long map = 4L * tokens * (tokens + 1) / 2; // a map holds its causal triangle
        long trace = (tiny.nLayers() + 1L) * tokens * tiny.dim() * 4;
        long memory = trace + MapScope.drawnBytes(stages, tokens) + stages * map * 2; // two heads' maps, fewer than the layer's
        MapScope scope = MapScope.of(tiny, new ViewMemory(memory), 1, tokens, 3, Stage.FINAL);
        assertThat(scope.query()).isEqualTo(MapQuery.head(3));
        assertThat(scope.note()).startsWith("Showing one head at a time: all " + tiny.nHeads() + " heads of layer 1 at T=1000 need");
    }

    @Test
    void whenOneHeadsStagesDoNotFitOnlyTheSelectedMapIsHeld() {
        int tokens = 1000;
        long trace = (tiny.nLayers() + 1L) * tokens * tiny.dim() * 4;
        int stages = tiny.layerPlan(1).stages().size();
        long memory = trace + MapScope.drawnBytes(stages, tokens) + 4L * tokens * (tokens + 1) / 2 * 3 / 2; // a map and a half
        MapScope scope = MapScope.of(tiny, new ViewMemory(memory), 1, tokens, 2, Stage.SOFTMAX);
        assertThat(scope.query()).isEqualTo(new MapQuery(Set.of(Stage.SOFTMAX), Set.of(2)));
        assertThat(scope.note()).startsWith("Showing one map at a time");
    }
}
