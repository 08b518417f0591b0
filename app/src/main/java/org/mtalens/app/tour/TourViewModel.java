package org.mtalens.app.tour;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mtalens.app.compare.ComparisonViewModel;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.MarkedTokens;
import org.mtalens.app.session.ModelSession;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.model.Trace;
import org.mtalens.samples.SampleCheckpoints;

/**
 * A guided tour of the bundled find-the-block sample: its steps (written from the run shown, in the background),
 * the step shown, and moving between steps, each of which selects in the main window what it talks about (tab,
 * layer, head, stage, cell). Opens the bundled MTA sample first when the window shows no find-the-block MTA model.
 */
public final class TourViewModel {
    /** The two tours. */
    public enum Kind {
        /** The MTA model's pipeline, stage by stage. */
        PIPELINE,
        /** The baseline and MTA models on the same instance. */
        COMPARISON
    }

    private final MainViewModel main;
    private final ComparisonViewModel comparison;
    private final Consumer<Path> open;
    private final IntConsumer selectTab;
    private final ReadOnlyObjectWrapper<List<TourStep>> steps = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<TourStep> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /**
     * @param open      opens a checkpoint in the main window
     * @param selectTab selects a centre tab of the main window
     */
    public TourViewModel(MainViewModel main, ComparisonViewModel comparison, Consumer<Path> open, IntConsumer selectTab) {
        this.main = main;
        this.comparison = comparison;
        this.open = open;
        this.selectTab = selectTab;
    }

    /** Starts a tour: prepares its steps from the run (opening the sample first if needed) and shows the first. */
    public void start(Kind kind) {
        steps.set(List.of());
        index.set(-1);
        current.set(null);
        status.set("Preparing the tour from the run ...");
        if (!mtaSampleShown()) {
            open.accept(SampleCheckpoints.findBlockMta());
        }
        once(this::mtaSampleShown, () -> {
            if (kind == Kind.PIPELINE) {
                preparePipeline();
            } else {
                comparison.compareWithBaselineSample();
                once(this::baselineShown, this::prepareComparison, comparison.comparedProperty());
            }
        }, main.traceProperty(), main.markedKeysProperty());
    }

    public void next() {
        show(index.get() + 1);
    }

    public void previous() {
        show(index.get() - 1);
    }

    /** Shows step {@code at} (ignored outside the tour) and selects what it talks about in the main window. */
    public void show(int at) {
        List<TourStep> all = steps.get();
        if (at < 0 || at >= all.size()) {
            return;
        }
        TourStep step = all.get(at);
        TourStep.Selection s = step.selection();
        selectTab.accept(s.tab());
        main.layerProperty().set(s.layer());
        main.headProperty().set(s.head());
        main.stageProperty().set(s.stage());
        main.cellProperty().set(new MainViewModel.SelectedCell(s.query(), s.key()));
        index.set(at);
        current.set(step);
    }

    /** @return whether the window shows a find-the-block MTA model's run of an instance (the target block marked) */
    private boolean mtaSampleShown() {
        ModelSession session = main.sessionProperty().get();
        return session != null && session.findBlockTask().isPresent() && main.traceProperty().get() != null
                && main.markedKeysProperty().get() != null
                && session.checkpoint().config().layerPlans().stream().anyMatch(LayerPlan::hasKeyQueryConv);
    }

    private boolean baselineShown() {
        ModelSession other = comparison.otherProperty().get();
        Trace theirs = comparison.comparedProperty().get();
        Trace mine = main.traceProperty().get();
        return other != null && other.findBlockTask().isPresent() && theirs != null && mine != null
                && java.util.Arrays.equals(theirs.tokens(), mine.tokens());
    }

    /** Runs {@code then} once {@code ready} holds: now, or after the first change of {@code inputs} that makes it hold. */
    private static void once(BooleanSupplier ready, Runnable then, Observable... inputs) {
        if (ready.getAsBoolean()) {
            then.run();
            return;
        }
        InvalidationListener[] listener = new InvalidationListener[1];
        listener[0] = o -> {
            if (ready.getAsBoolean()) {
                for (Observable input : inputs) {
                    input.removeListener(listener[0]);
                }
                then.run();
            }
        };
        for (Observable input : inputs) {
            input.addListener(listener[0]);
        }
    }

    private void preparePipeline() {
        Facts mine = Facts.of(main.sessionProperty().get(), main.traceProperty().get(), main);
        main.background("tour", "Preparing the tour ...", progress -> TourScript.pipeline(mine.read()), this::begin);
    }

    private void prepareComparison() {
        Facts mine = Facts.of(main.sessionProperty().get(), main.traceProperty().get(), main);
        Facts theirs = Facts.of(comparison.otherProperty().get(), comparison.comparedProperty().get(), main);
        main.background("tour", "Preparing the tour ...", progress -> TourScript.comparison(mine.read(), theirs.read()),
                this::begin);
    }

    private void begin(List<TourStep> prepared) {
        steps.set(prepared);
        status.set("");
        show(0);
    }

    /** What the facts of one run are read from, taken on the FX thread and read on the inference thread. */
    private record Facts(ModelSession session, Trace trace, MarkedTokens target, List<String> labels) {
        static Facts of(ModelSession session, Trace trace, MainViewModel main) {
            return new Facts(session, trace, main.markedKeysProperty().get(), main.tokenLabels());
        }

        InstanceFacts read() {
            IntFunction<String> names = id -> session.tokenizer().tokenizer()
                    .map(t -> t.describe(new int[] {id}).get(0).label()).orElse("#" + id);
            return InstanceFacts.of(session.name(), session.checkpoint(), trace, session.findBlockTask().orElseThrow(),
                    target.from(), target.to(), labels, names);
        }
    }

    // ---- properties ----

    /** The tour's steps (empty until prepared). */
    public ReadOnlyObjectProperty<List<TourStep>> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The index of the step shown, -1 before the first. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The step shown, or null. */
    public ReadOnlyObjectProperty<TourStep> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** "Preparing ..." while the steps are written, else empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
