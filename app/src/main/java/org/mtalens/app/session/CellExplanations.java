package org.mtalens.app.session;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mtalens.runtime.analysis.CellExplainer;
import org.mtalens.runtime.analysis.CellExplanation;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.LayerMaps;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.Trace;

/**
 * The explanation of the selected cell, kept up to date in the background: from the maps the views hold, plus a
 * replay of the input stage for the heads a head mixing reads when only one head is held.
 */
final class CellExplanations {
    private final MainViewModel vm;
    private final ReadOnlyObjectWrapper<CellExplanation> explanation = new ReadOnlyObjectWrapper<>();

    CellExplanations(MainViewModel vm) {
        this.vm = vm;
        java.util.List.of(vm.layerProperty(), vm.headProperty(), vm.stageProperty(), vm.cellProperty(), vm.layerMapsProperty(),
                        vm.traceProperty()) // the trace's edits are the kernels the cell was computed with
                .forEach(input -> input.addListener((o, a, b) -> explain()));
    }

    private void explain() {
        ModelSession open = vm.sessionProperty().get();
        Trace trace = vm.traceProperty().get();
        LayerMaps held = vm.layerMapsProperty().get();
        MainViewModel.SelectedCell selected = vm.cellProperty().get();
        Stage stage = vm.stageProperty().get();
        int layer = vm.layerProperty().get();
        int head = vm.headProperty().get();
        if (open == null || trace == null || held == null || held.layer() != layer || selected == null || stage == null
                || vm.map(stage).isEmpty()) {
            explanation.set(null);
            return;
        }
        var config = open.checkpoint().config();
        Optional<MapQuery> inputs = CellExplainer.inputs(config.layerPlan(layer), stage, head, config.nHeads());
        if (inputs.isEmpty()) {
            explanation.set(null);
            return;
        }
        vm.background("explanation", "Explaining the cell ...", progress -> {
            LayerMaps read = held.covers(inputs.get(), config.layerPlan(layer).stages(), config.nHeads()) ? held
                    : trace.maps(layer, inputs.get(), progress.cancelledCheck());
            CellExplainer.MapSource source = (l, s, h) -> read.map(s, h).or(() -> held.map(s, h)).map(AttentionMap.class::cast);
            return new CellExplainer(open.checkpoint(), source, trace.edits()).explain(layer, stage, head, selected.query(), selected.key());
        }, result -> explanation.set(result.orElse(null)));
    }

    ReadOnlyObjectProperty<CellExplanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }
}
