package org.mtalens.app.change;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mtalens.app.main.MainViewModel;
import org.mtalens.runtime.analysis.AttentionChange;
import org.mtalens.runtime.analysis.CellChange;
import org.mtalens.runtime.analysis.HeadChange;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.RunResult;

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
    private RunResult headsOf;
    private Object cellsOf;

    public MtaChangeViewModel(MainViewModel main) {
        this.main = main;
    }

    /** Computes what the current run and selected head need and is not yet computed. */
    public void analyse() {
        RunResult run = main.resultProperty().get();
        if (run == null) {
            headsOf = null;
            cellsOf = null;
            heads.set(List.of());
            cells.set(List.of());
            return;
        }
        if (run != headsOf) {
            headsOf = run;
            main.analyse(() -> AttentionChange.perHead(run), list -> {
                if (run == headsOf) {
                    heads.set(list);
                }
            });
        }
        int layer = main.layerProperty().get();
        int head = main.headProperty().get();
        List<Object> key = List.of(run, layer, head);
        if (!key.equals(cellsOf)) {
            cellsOf = key;
            Optional<AttentionMap> scores = run.map(layer, Stage.SCORES, head);
            Optional<AttentionMap> fin = run.map(layer, Stage.FINAL, head);
            if (scores.isEmpty() || fin.isEmpty()) {
                cells.set(List.of());
                return;
            }
            main.analyse(() -> AttentionChange.rankedCells(scores.get(), fin.get(), RANKED_CELLS), list -> {
                if (key.equals(cellsOf)) {
                    cells.set(list);
                }
            });
        }
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
