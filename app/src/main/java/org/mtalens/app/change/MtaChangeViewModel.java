package org.mtalens.app.change;

import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.runtime.analysis.AttentionChange;
import org.mtalens.runtime.analysis.CellChange;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.LayerMaps;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.Trace;

/**
 * Where MTA changed attention: per layer and head, the mean Jensen–Shannon divergence between plain
 * attention (the softmax of {@code scores}) and the {@code final} map ({@link AttentionChange}); for the
 * selected head, the cells where weight moved most. Computed off the FX thread, on request (the view
 * asks while it is shown), once per run; the newest request wins.
 */
public final class MtaChangeViewModel {
    /** How many of the selected head's cells are ranked. */
    static final int RANKED_CELLS = 200;

    private final MainViewModel main;
    private final ReadOnlyObjectWrapper<List<HeadChange>> heads = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<CellChange>> cells = new ReadOnlyObjectWrapper<>(List.of());
    private Trace headsOf;
    private Object cellsOf;

    public MtaChangeViewModel(MainViewModel main) {
        this.main = main;
    }

    /**
     * Computes what the current run and selected head need and is not yet computed: every layer replayed in turn,
     * its scores and final rows streamed into the per-head divergences (the strip fills in layer by layer), and the
     * selected head's scores and final maps for the ranked cells.
     */
    public void analyse() {
        Trace run = main.traceProperty().get();
        if (run == null) {
            headsOf = null;
            cellsOf = null;
            heads.set(List.of());
            cells.set(List.of());
            return;
        }
        if (run != headsOf) {
            headsOf = run;
            heads.set(List.of());
            analyseLayer(run, 0);
        }
        int layer = main.layerProperty().get();
        int head = main.headProperty().get();
        List<Object> key = List.of(run, layer, head);
        if (!key.equals(cellsOf)) {
            cellsOf = key;
            cells.set(List.of());
            main.background("change-cells", "Ranking the cells of layer " + layer + " head " + head + " ...", progress -> {
                LayerMaps maps = run.maps(layer, new MapQuery(Set.of(Stage.SCORES, Stage.FINAL), Set.of(head)),
                        progress.cancelledCheck());
                return AttentionChange.rankedCells(maps.map(Stage.SCORES, head).orElseThrow(),
                        maps.map(Stage.FINAL, head).orElseThrow(), RANKED_CELLS);
            }, list -> {
                if (key.equals(cellsOf)) {
                    cells.set(list);
                }
            });
        }
    }

    /** Streams one layer's change, shows it, then goes on with the next layer (one background job per layer). */
    private void analyseLayer(Trace run, int layer) {
        if (layer >= run.config().nLayers()) {
            return;
        }
        main.background("change-heads", "Measuring MTA's change, layer " + layer + " of " + run.config().nLayers() + " ...",
                progress -> AttentionChange.perHead(run, layer, progress.cancelledCheck()), list -> {
                    if (run == headsOf) {
                        List<HeadChange> all = new java.util.ArrayList<>(heads.get());
                        all.addAll(list);
                        heads.set(List.copyOf(all));
                        analyseLayer(run, layer + 1);
                    }
                });
    }

    /** Selects {@code change}'s layer and head everywhere. */
    public void select(HeadChange change) {
        main.layerProperty().set(change.layer());
        main.headProperty().set(change.head());
    }

    /**
     * Selects {@code cell} of the selected head at the stage that produced its {@code final} map (the last
     * MTA stage), so the inspector explains it.
     */
    public void jumpTo(CellChange cell) {
        main.selectedLayerPlan().ifPresent(plan -> main.stageProperty().set(explainedStage(plan)));
        main.cellProperty().set(new MainViewModel.SelectedCell(cell.query(), cell.key()));
    }

    /** @return the stage whose output is the layer's {@code final} map when it mixes anything, else {@code final} */
    static Stage explainedStage(LayerPlan plan) {
        List<Stage> stages = plan.stages();
        Stage last = stages.size() >= 2 ? stages.get(stages.size() - 2) : Stage.FINAL;
        return last == Stage.SOFTMAX || last == Stage.SCORES ? Stage.FINAL : last;
    }

    /** Per layer and head, how much MTA changed its attention; empty until analysed. */
    public ReadOnlyObjectProperty<List<HeadChange>> headsProperty() {
        return heads.getReadOnlyProperty();
    }

    /** The selected head's cells by |final - plain softmax|, largest first. */
    public ReadOnlyObjectProperty<List<CellChange>> cellsProperty() {
        return cells.getReadOnlyProperty();
    }

    /** @return the main window's view model */
    public MainViewModel main() {
        return main;
    }
}
