package org.mtalens.app.ablation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.mtalens.app.compare.ComparisonViewModel;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.runtime.analysis.MapDifference;
import org.mtalens.runtime.analysis.NextTokenComparison;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.model.AblatedPart;
import org.mtalens.runtime.model.Ablation;

/**
 * Live ablation: which parts of the open checkpoint are switched off, and what that did to the selected
 * head's map at the selected stage and to the next token after the selected query. Switching a part on
 * or off re-runs the ablated model at once (through {@link ComparisonViewModel#compareWithAblation(Ablation)}: from
 * the first layer it changes);
 * the checkpoint's weights are never touched.
 */
public final class AblationViewModel {
    /** How many of each run's likeliest next tokens are listed. */
    static final int TOP_TOKENS = 5;

    private final ComparisonViewModel comparison;
    private final MainViewModel main;
    private final ReadOnlyObjectWrapper<MapDifference> difference = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<NextTokenComparison> nextToken = new ReadOnlyObjectWrapper<>();

    public AblationViewModel(ComparisonViewModel comparison) {
        this.comparison = comparison;
        this.main = comparison.main();
        List<ObservableValue<?>> inputs = List.of(main.traceProperty(), comparison.comparedProperty(),
                comparison.ablationProperty(), main.layerProperty(), main.headProperty(), main.stageProperty(),
                main.cellProperty());
        inputs.forEach(input -> input.addListener((o, a, b) -> refresh()));
    }

    /** @return what is switched off now (nothing when no ablation is being compared) */
    public Ablation ablation() {
        Ablation current = comparison.ablationProperty().get();
        return current == null ? Ablation.none() : current;
    }

    /** @return whether {@code item} is switched off now */
    public boolean isOff(Ablation.Item item) {
        return ablation().items().contains(item);
    }

    /** Switches {@code item} off (or back on) and re-runs the ablated model. */
    public void switchOff(Ablation.Item item, boolean off) {
        Set<Ablation.Item> items = new HashSet<>(ablation().items());
        if (off) {
            items.add(item);
        } else {
            items.remove(item);
        }
        comparison.compareWithAblation(new Ablation(items));
    }

    /** Switches every part back on (the comparison run is then the intact model). */
    public void switchEverythingOn() {
        comparison.compareWithAblation(Ablation.none());
    }

    /** @return the parts of {@code layer} that can be switched off for the whole layer, in forward order */
    public List<AblatedPart> layerParts(int layer) {
        return plan(layer).map(plan -> {
            List<AblatedPart> parts = new ArrayList<>();
            for (AblatedPart part : AblatedPart.values()) {
                if (part != AblatedPart.HEAD && part.presentIn(plan)) {
                    parts.add(part);
                }
            }
            return parts;
        }).orElse(List.of());
    }

    /** @return the parts that can be switched off for one head of {@code layer}: its kernels, then the whole head */
    public List<AblatedPart> headParts(int layer) {
        return plan(layer).map(plan -> {
            List<AblatedPart> parts = new ArrayList<>();
            for (AblatedPart part : List.of(AblatedPart.PRE_SM_CONV, AblatedPart.POST_SM_CONV)) {
                if (part.presentIn(plan)) {
                    parts.add(part);
                }
            }
            parts.add(AblatedPart.HEAD);
            return parts;
        }).orElse(List.of());
    }

    private Optional<LayerPlan> plan(int layer) {
        var session = main.sessionProperty().get();
        return session == null || layer >= session.checkpoint().config().nLayers() ? Optional.empty()
                : Optional.of(session.checkpoint().config().layerPlan(layer));
    }

    /** Recomputes the difference and the next-token comparison in the background, when an ablated run is there. */
    private void refresh() {
        if (comparison.ablationProperty().get() == null || comparison.comparedProperty().get() == null) {
            difference.set(null);
            nextToken.set(null);
            return;
        }
        comparison.sideBySide("ablation", compared -> {
            difference.set(compared == null ? null : compared.difference());
            nextToken.set(compared == null ? null : compared.nextToken());
        });
    }

    /** The selected head's map in the intact and the ablated run and their difference, or null before an ablated run. */
    public ReadOnlyObjectProperty<MapDifference> differenceProperty() {
        return difference.getReadOnlyProperty();
    }

    /** The next token after the selected query in the intact and the ablated run, or null before an ablated run. */
    public ReadOnlyObjectProperty<NextTokenComparison> nextTokenProperty() {
        return nextToken.getReadOnlyProperty();
    }

    /** @return the view model of the main window this one works with */
    public MainViewModel main() {
        return main;
    }

    /** @return the comparison this view model switches parts off in */
    public ComparisonViewModel comparison() {
        return comparison;
    }
}
