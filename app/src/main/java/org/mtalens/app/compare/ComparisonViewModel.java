package org.mtalens.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.app.session.SessionLoader;
import org.mtalens.app.work.ErrorReport;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.analysis.MapDifference;
import org.mtalens.runtime.analysis.NextTokenComparison;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.Ablation;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.samples.SampleCheckpoints;

/**
 * What the main run is compared with: a second checkpoint on the same input, or the open checkpoint with parts
 * switched off (an ablated trace, run again only from the first layer it changes; the weights are never touched).
 * Re-runs the comparison whenever the main run changes; all work in the background. Holds no nodes.
 */
public final class ComparisonViewModel {
    private final MainViewModel main;
    private final SessionLoader loader;
    private final ReadOnlyObjectWrapper<ModelSession> other = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Ablation> ablation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Trace> compared = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final StringProperty ablationText = new SimpleStringProperty("");

    public ComparisonViewModel(MainViewModel main, SessionLoader loader) {
        this.main = main;
        this.loader = loader;
        main.traceProperty().addListener((o, a, b) -> rerun());
        main.sessionProperty().addListener((o, a, b) -> forgetAblation());
    }

    /** Opens a second checkpoint to run on the same input, side by side (e.g. the baseline sample). */
    public void openComparison(Path path) {
        main.background("comparison", "Loading " + path + " for comparison ...",
                progress -> loader.load(path, progress.cancelledCheck()), opened -> {
                    ModelSession old = other.get();
                    ablation.set(null);
                    label.set(opened.name());
                    other.set(opened);
                    if (old != null) {
                        main.jobs().later(old::close);
                    }
                    rerun();
                });
    }

    /** Compares with the bundled baseline (single-token attention) of the find-the-block sample. */
    public void compareWithBaselineSample() {
        openComparison(SampleCheckpoints.findBlockBaseline());
    }

    /** Compares with the open checkpoint with the parts the {@link #ablationTextProperty() text} names switched off. */
    public void compareWithAblation() {
        ModelSession open = main.sessionProperty().get();
        if (open == null) {
            return;
        }
        try {
            compareWithAblation(Ablation.parse(ablationText.get(), open.checkpoint().config()));
        } catch (InvalidInputException e) {
            main.jobs().report(new ErrorReport("Cannot switch that off", e.getMessage(), ""));
        }
    }

    /** Compares with the open checkpoint with {@code parts} switched off: one pass from the first layer they change. */
    public void compareWithAblation(Ablation parts) {
        ModelSession open = main.sessionProperty().get();
        if (open == null) {
            return;
        }
        ablation.set(parts);
        ablationText.set(parts.toString());
        label.set(open.name() + " with " + (parts.isNone() ? "nothing" : parts) + " switched off");
        rerun();
    }

    private void forgetAblation() {
        if (ablation.get() != null) {
            ablation.set(null);
            compared.set(null);
            label.set("");
            ablationText.set("");
        }
    }

    /** Runs the comparison of the main trace's input in the background. */
    private void rerun() {
        Trace mine = main.traceProperty().get();
        Ablation parts = ablation.get();
        ModelSession theirs = other.get();
        if (mine == null || (parts == null && theirs == null)) {
            compared.set(null);
            return;
        }
        if (parts != null) {
            main.background("comparison", "Running with " + (parts.isNone() ? "nothing" : parts) + " switched off ...",
                    progress -> mine.ablated(parts, CaptureSelection.none(), progress), compared::set);
        } else if (fits(theirs, mine.tokens())) {
            main.background("comparison", "Running " + theirs.name() + " on the same input ...",
                    progress -> theirs.runner().trace(TraceRequest.of(mine.tokens()), progress), compared::set);
        } else {
            compared.set(null);
        }
    }

    private static boolean fits(ModelSession other, int[] ids) {
        try {
            ModelRunner.validate(other.checkpoint().config(), ids);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * The selected head's map in both runs (the other's {@code final} map when it lacks the stage), their
     * difference when both have it, and the next token after the selected query in both.
     *
     * @param mine         the main run's map
     * @param theirs       the compared run's map, or null when it has no such layer/head
     * @param difference   theirs - mine at the stage of {@code theirs} (final when the compared run skips the
     *                     selected stage), over the same tokens; else null
     * @param nextToken    the next-token comparison after {@code position}, or null across vocabularies
     * @param myTop        the main run's three likeliest next tokens there
     * @param theirTop     the compared run's
     */
    public record SideBySide(Trace mainTrace, Trace comparedTrace, AttentionMap mine, AttentionMap theirs,
                             MapDifference difference, NextTokenComparison nextToken,
                             List<org.mtalens.runtime.model.TokenPrediction> myTop,
                             List<org.mtalens.runtime.model.TokenPrediction> theirTop) {
    }

    /** How many of each run's likeliest next tokens a comparison lists. */
    public static final int TOP_TOKENS = 5;

    /** Computes the {@link SideBySide} of the selection in the background and hands it to {@code done}. */
    public void sideBySide(String view, java.util.function.Consumer<SideBySide> done) {
        Trace mine = main.traceProperty().get();
        Trace theirs = compared.get();
        if (mine == null || theirs == null) {
            done.accept(null);
            return;
        }
        int layer = main.layerProperty().get();
        int head = main.headProperty().get();
        Stage stage = main.stageProperty().get();
        int position = main.selectedQuery();
        main.background(view, "Comparing ...", progress -> sideBySide(mine, theirs, layer, head, stage, position, progress), done);
    }

    private static SideBySide sideBySide(Trace mine, Trace theirs, int layer, int head, Stage stage, int position,
                                         PassProgress progress) {
        AttentionMap my = map(mine, layer, head, stage, progress).orElse(null);
        AttentionMap their = map(theirs, layer, head, stage, progress)
                .or(() -> map(theirs, layer, head, Stage.FINAL, progress)).orElse(null);
        AttentionMap mySame = their == null || my == null || their.stage() == my.stage() ? my
                : map(mine, layer, head, their.stage(), progress).orElse(null); // a stage the other run skips: both at final
        MapDifference difference = mySame != null && their != null && mySame.tokens() == their.tokens()
                ? MapDifference.between(mySame, their) : null;
        float[] before = mine.logits(position);
        NextTokenComparison next = position < theirs.length() && theirs.config().vocabSize() == before.length
                ? NextTokenComparison.at(before, theirs.logits(position), position, TOP_TOKENS) : null;
        int theirPosition = Math.min(position, theirs.length() - 1);
        return new SideBySide(mine, theirs, my, their, difference, next, mine.topPredictions(position, 3),
                theirs.topPredictions(theirPosition, 3));
    }

    private static Optional<AttentionMap> map(Trace trace, int layer, int head, Stage stage, PassProgress progress) {
        var config = trace.config();
        if (layer >= config.nLayers() || head >= config.nHeads() || !config.layerPlan(layer).runs(stage)) {
            return Optional.empty();
        }
        return trace.maps(layer, new MapQuery(java.util.Set.of(stage), java.util.Set.of(head)), progress::cancelled)
                .map(stage, head);
    }

    // ---- properties ----

    /** The second checkpoint, run on the same input, or null. */
    public ReadOnlyObjectProperty<ModelSession> otherProperty() {
        return other.getReadOnlyProperty();
    }

    /** The compared run of the current input (the other checkpoint's or the ablated one), or null. */
    public ReadOnlyObjectProperty<Trace> comparedProperty() {
        return compared.getReadOnlyProperty();
    }

    /** The parts switched off in the compared run, or null when it is another checkpoint or none. */
    public ReadOnlyObjectProperty<Ablation> ablationProperty() {
        return ablation.getReadOnlyProperty();
    }

    /** What the comparison shows: the second checkpoint's name or the ablation, or empty. */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    /** The ablation as typed ({@code L1.pre_sm_conv,L3.head2.post_sm_conv,L0.gate}). */
    public StringProperty ablationTextProperty() {
        return ablationText;
    }

    /** @return the main window's view model */
    public MainViewModel main() {
        return main;
    }

}
