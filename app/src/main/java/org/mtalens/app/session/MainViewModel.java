package org.mtalens.app.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mtalens.app.work.BackgroundJobs;
import org.mtalens.app.work.ErrorReport;
import org.mtalens.app.work.JobProgress;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.analysis.CellExplanation;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.InputLongerThanModel;
import org.mtalens.runtime.model.LayerMaps;
import org.mtalens.runtime.model.RecycledMaps;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.runtime.model.WeightEdits;
import org.mtalens.runtime.run.ModelInput;
import org.mtalens.runtime.tokenizer.BosToken;
import org.mtalens.runtime.tokenizer.Token;
import org.mtalens.runtime.tokenizer.Tokenizer;
import org.mtalens.runtime.tokenizer.TokenizerLookup;
import org.mtalens.runtime.tokenizer.Tokenizers;
import org.mtalens.samples.FindBlockGenerator;
import org.mtalens.samples.FindBlockInstance;

/**
 * The main window's state and commands: the open checkpoint, the trace of the last run, the selection (layer,
 * head, stage, cell), the maps of the selected layer that the views show ({@link MapScope}: replayed from the
 * trace when the layer changes) and the explanation of the selected cell. All work runs through
 * {@link BackgroundJobs} on the inference executor (one thread); results come back through {@code fxThread}; the
 * newest request wins. Holds no nodes.
 */
public final class MainViewModel {
    /** The seed of the find-the-block instance shown when a toy checkpoint opens, so first starts look alike. */
    static final long FIRST_INSTANCE_SEED = 2025;

    private final SessionLoader loader;
    private final BackgroundJobs jobs;
    private final ReadOnlyObjectWrapper<ModelSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>();
    /** The last run of the checkpoint's own weights; {@link #trace} is it, or it with the edits. */
    private final ReadOnlyObjectWrapper<Trace> intactTrace = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<WeightEdits> edits = new SimpleObjectProperty<>(WeightEdits.none());
    private final ReadOnlyObjectWrapper<LayerMaps> layerMaps = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper scopeNote = new ReadOnlyStringWrapper("");
    private final StringProperty input = new SimpleStringProperty("");
    private final BooleanProperty inputIsText = new SimpleBooleanProperty(false);
    private final BooleanProperty addBos = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<List<Token>> tokens = new ReadOnlyObjectWrapper<>(List.of());
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final IntegerProperty head = new SimpleIntegerProperty(0);
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.FINAL);
    private final ObjectProperty<SelectedCell> cell = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<MarkedTokens> markedKeys = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<org.mtalens.viz.colour.ScaleSpec> scaleSpec =
            new SimpleObjectProperty<>(org.mtalens.viz.colour.ScaleSpec.PER_MAP);
    private final CellExplanations explanations;
    private final java.util.Random instanceSeeds = new java.util.Random();
    private String instanceInput;
    private boolean allowLonger;

    /** A cell of a map: query row, key column. */
    public record SelectedCell(int query, int key) {
    }

    public MainViewModel(SessionLoader loader, Executor inference, Executor fxThread) {
        this.loader = loader;
        this.jobs = new BackgroundJobs(inference, fxThread);
        this.explanations = new CellExplanations(this);
        layer.addListener((o, a, b) -> showSelectedLayer());
        head.addListener((o, a, b) -> {
            if (scope().dependsOnHead()) {
                showSelectedLayer();
            }
        });
        stage.addListener((o, a, b) -> {
            if (scope().dependsOnStage()) {
                showSelectedLayer();
            }
        });
        edits.addListener((o, a, b) -> showEdits());
    }

    // ---- commands ----

    /** Opens a checkpoint in the background; on success it replaces the open one and runs its example input. */
    public void open(Path path) {
        jobs.submit("Loading " + path + " ...", progress -> loader.load(path, progress.cancelledCheck()), opened -> {
            ModelSession old = session.get();
            trace.set(null);
            intactTrace.set(null);
            edits.set(WeightEdits.none()); // edits name the old checkpoint's weights
            layerMaps.set(null);
            cell.set(null);
            session.set(opened);
            layer.set(firstMtaLayer(opened));
            head.set(0);
            stage.set(Stage.FINAL);
            if (old != null) {
                jobs.later(old::close);
            }
            inputIsText.set(false);
            if (opened.findBlockTask().isPresent()) {
                newInstance(FIRST_INSTANCE_SEED);
            } else {
                input.set(opened.exampleInput());
                run();
            }
        }, "Could not open " + path.getFileName());
    }

    /**
     * Traces the input box's tokens through the open checkpoint: one pass that keeps each layer's input and the
     * selected layer's maps the views show; other layers are replayed when selected.
     */
    public void run() {
        ModelSession open = session.get();
        if (open == null) {
            jobs.report(new ErrorReport("No checkpoint open", "Open a checkpoint first (File > Open).", ""));
            return;
        }
        ModelInput modelInput;
        try {
            modelInput = readInput(open);
            modelInput.validateFor(open.checkpoint().config(), allowLonger);
        } catch (InvalidInputException e) {
            String allow = e instanceof InputLongerThanModel ? " (Run > Allow inputs longer than max_seqlen runs it anyway)" : "";
            jobs.report(new ErrorReport("Cannot run this input", e.getMessage() + allow, ""));
            return;
        }
        if (!input.get().equals(instanceInput)) {
            markedKeys.set(null);
        }
        int shownLayer = layer.get();
        MapScope scope = MapScope.of(open.checkpoint().config(), ViewMemory.of(open.runner().budget()), shownLayer,
                modelInput.ids().length, head.get(), stage.get());
        CaptureSelection capture = CaptureSelection.of(java.util.Set.of(shownLayer),
                scope.query().stages().isEmpty() ? null : scope.query().stages(),
                scope.query().heads().isEmpty() ? null : scope.query().heads());
        boolean longer = allowLonger;
        WeightEdits edited = edits.get();
        jobs.submit("Running " + modelInput.ids().length + " tokens ...", progress -> {
            open.runner().allowLongerInputs(longer);
            Trace traced = open.runner().trace(TraceRequest.of(modelInput.ids()).capturing(capture), progress);
            Trace shown = edited.isNone() ? traced : traced.edited(edited, capture, progress);
            return new Ran(traced, shown, shown.maps(shownLayer, scope.query(), progress.cancelledCheck()), scope);
        }, ran -> {
            tokens.set(modelInput.tokens());
            layerMaps.set(ran.maps());
            scopeNote.set(ran.scope().note());
            intactTrace.set(ran.intact());
            trace.set(ran.trace());
            if (layer.get() != shownLayer) {
                showSelectedLayer();
            }
        }, "Could not run the input");
    }

    /** A finished run: the intact trace, the one shown (with the edits) and the maps of the layer shown when it started. */
    private record Ran(Trace intact, Trace trace, LayerMaps maps, MapScope scope) {
    }

    /**
     * Shows the last run with the current edits (the intact trace when there are none): re-run from the first edited
     * layer on the same tokens, in the background; the checkpoint's weights are never modified.
     */
    private void showEdits() {
        Trace intact = intactTrace.get();
        ModelSession open = session.get();
        if (intact == null || open == null || edits.get().isNone() && trace.get() == intact) {
            return;
        }
        WeightEdits edited = edits.get();
        int shownLayer = layer.get();
        MapScope scope = scope();
        jobs.submit(edited.isNone() ? "Showing the intact run ..." : "Re-running with " + edited.list().size()
                + " edited weight(s) ...", progress -> {
                    Trace shown = edited.isNone() ? intact : intact.edited(edited, CaptureSelection.none(), progress);
                    return new Ran(intact, shown, shown.maps(shownLayer, scope.query(), progress.cancelledCheck()), scope);
                }, ran -> {
                    if (intactTrace.get() != intact) {
                        return;
                    }
                    layerMaps.set(ran.maps());
                    scopeNote.set(ran.scope().note());
                    trace.set(ran.trace());
                    if (layer.get() != shownLayer) {
                        showSelectedLayer();
                    }
                }, "Could not run with the edited weights");
    }

    /** Replays the selected layer from the trace unless the maps held already cover it (in the background). */
    private void showSelectedLayer() {
        Trace shown = trace.get();
        ModelSession open = session.get();
        if (shown == null || open == null || layer.get() >= open.checkpoint().config().nLayers()) {
            return;
        }
        int wanted = layer.get();
        MapScope scope = scope();
        LayerMaps held = layerMaps.get();
        if (held != null && held.layer() == wanted
                && held.covers(scope.query(), open.checkpoint().config().layerPlan(wanted).stages(), open.checkpoint().config().nHeads())) {
            return;
        }
        // No view shows another layer's maps meanwhile, and no view reads them again (views copy what they draw, and
        // work already queued on the inference thread runs before this replay): the replay fills their memory.
        RecycledMaps released = RecycledMaps.of(held);
        layerMaps.set(null);
        jobs.submitView("layer", "Replaying layer " + wanted + " ...", progress -> shown.maps(wanted, scope.query(),
                progress.cancelledCheck(), released), maps -> {
                    if (shown == trace.get() && wanted == layer.get()) {
                        scopeNote.set(scope.note());
                        layerMaps.set(maps);
                    }
                });
    }

    /** @return the scope of the selected layer's maps for the current trace */
    private MapScope scope() {
        ModelSession open = session.get();
        Trace shown = trace.get();
        if (open == null || shown == null) {
            return new MapScope(org.mtalens.runtime.model.MapQuery.all(), "");
        }
        return MapScope.of(open.checkpoint().config(), ViewMemory.of(open.runner().budget()), layer.get(), shown.length(), head.get(),
                stage.get());
    }

    /**
     * Makes a fresh instance of the open checkpoint's find-the-block task, marks its target block on the
     * key axis, and runs it (the whole sequence: prompt and answer).
     */
    public void newInstance() {
        newInstance(instanceSeeds.nextLong());
    }

    void newInstance(long seed) {
        ModelSession open = session.get();
        if (open == null || open.findBlockTask().isEmpty()) {
            return;
        }
        FindBlockInstance instance = new FindBlockGenerator(open.findBlockTask().get(), seed).next();
        int[] ids = java.util.Arrays.copyOf(instance.tokens(), instance.tokens().length - 1); // without EOS
        inputIsText.set(false);
        instanceInput = String.join(",", java.util.Arrays.stream(ids).mapToObj(Integer::toString).toList());
        input.set(instanceInput);
        markedKeys.set(new MarkedTokens(instance.targetStart(), instance.targetEnd(), "target block"));
        run();
    }

    /**
     * Uses a tokenizer file the user chose (tokenizer.json or a tiktoken tokenizer.model) for the open
     * checkpoint; a bad file is reported and the current tokenizer stays. Read in the background (a
     * tokenizer.json is first checked in a separate process).
     */
    public void useTokenizer(Path file) {
        ModelSession open = session.get();
        if (open == null) {
            return;
        }
        jobs.submit("Reading " + file.getFileName() + " ...", progress -> Tokenizers.fromFile(file), tokenizer -> {
            if (session.get() == open) {
                session.set(open.withTokenizer(new TokenizerLookup(Optional.of(tokenizer), tokenizer.name() + " from " + file)));
            }
        }, "Could not read the tokenizer");
    }

    ModelInput readInput(ModelSession open) {
        if (inputIsText.get()) {
            return ModelInput.ofText(input.get(), open.tokenizer(), addBos.get() ? BosToken.ADD : BosToken.OMIT);
        }
        return ModelInput.ofIds(input.get(), open.checkpoint().config().vocabSize(), open.tokenizer().tokenizer());
    }

    /** Appends {@code count} greedily generated tokens to the input (one pass, then one cached step per token), then runs it. */
    public void generate(int count) {
        ModelSession open = session.get();
        if (open == null) {
            return;
        }
        ModelInput prompt;
        try {
            prompt = readInput(open);
        } catch (InvalidInputException e) {
            jobs.report(new ErrorReport("Cannot generate from this input", e.getMessage(), ""));
            return;
        }
        WeightEdits edited = edits.get();
        jobs.submit("Generating " + count + " tokens ...", progress -> open.runner().generate(prompt.ids(), count,
                org.mtalens.runtime.model.Ablation.none(), edited, progress), ids -> {
                    int[] added = java.util.Arrays.copyOfRange(ids, prompt.ids().length, ids.length);
                    if (inputIsText.get()) {
                        Tokenizer tokenizer = open.tokenizer().tokenizer().orElseThrow();
                        input.set(input.get() + tokenizer.decode(added));
                    } else {
                        input.set(String.join(",", java.util.Arrays.stream(ids).mapToObj(Integer::toString).toList()));
                    }
                    run();
                }, "Could not generate");
    }

    /** Stops the running work; what the user had stays. */
    public void cancel() {
        jobs.cancel();
    }

    /**
     * Lets {@link #run()} run inputs longer than max_seqlen (Run > Allow inputs longer than max_seqlen, {@code snapshot
     * --allow-longer}; RoPE has no hard limit, the run then warns); off by default.
     */
    public void allowLongerInputs(boolean allow) {
        allowLonger = allow;
    }

    /** Dismisses the current error. */
    public void clearError() {
        jobs.report(null);
    }

    /**
     * Runs one view's work (replays, analyses) on the inference thread after what is queued, with progress and
     * cancellation, and hands its value to {@code done} on the FX thread; a newer job of the same {@code view}
     * replaces it.
     */
    public <T> void background(String view, String what, Function<JobProgress, T> work, Consumer<T> done) {
        jobs.submitView(view, what, work, done);
    }

    /** @return the window's background work (for view models that run their own requests) */
    public BackgroundJobs jobs() {
        return jobs;
    }

    // ---- derived state ----

    /** @return the plan of the selected layer, if a checkpoint is open */
    public Optional<LayerPlan> selectedLayerPlan() {
        ModelSession open = session.get();
        return open == null ? Optional.empty() : Optional.of(open.checkpoint().config().layerPlan(layer.get()));
    }

    /** @return the selected layer and head's map at {@code at}, if the maps held have it */
    public Optional<AttentionMap> map(Stage at) {
        LayerMaps held = layerMaps.get();
        return held == null || held.layer() != layer.get() ? Optional.empty() : held.map(at, head.get());
    }

    /** @return a visible label for each token of the last run (its text, or #id without a tokenizer) */
    public List<String> tokenLabels() {
        return tokens.get().stream().map(Token::label).toList();
    }

    /** @return the visible label of the token at {@code position} of the last run, or {@code #position} when there is none */
    public String tokenLabel(int position) {
        List<Token> shown = tokens.get();
        return position >= 0 && position < shown.size() ? shown.get(position).label() : "#" + position;
    }

    /** @return how the user reads token {@code id}: its text through the open tokenizer, else {@code #id} */
    public String tokenName(int id) {
        ModelSession open = session.get();
        return open == null ? "#" + id : open.tokenizer().tokenizer()
                .map(t -> t.describe(new int[] {id}).get(0).label()).orElse("#" + id);
    }

    /** @return the query whose next token the comparisons discuss: the selected cell's query, else the last position */
    public int selectedQuery() {
        Trace run = trace.get();
        SelectedCell selected = cell.get();
        if (run == null) {
            return 0;
        }
        return selected != null && selected.query() < run.length() ? selected.query() : run.length() - 1;
    }

    private static int firstMtaLayer(ModelSession session) {
        return session.checkpoint().config().layerPlans().stream().filter(LayerPlan::hasKeyQueryConv)
                .mapToInt(LayerPlan::layer).findFirst().orElse(0);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<ModelSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The trace of the last run (each layer's input; maps are replayed from it), or null. */
    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** The last run of the checkpoint's own weights (the trace shown, when nothing is edited), or null. */
    public ReadOnlyObjectProperty<Trace> intactTraceProperty() {
        return intactTrace.getReadOnlyProperty();
    }

    /**
     * The weights replaced for the runs shown (none by default): setting it re-runs the last input from the first
     * edited layer; the checkpoint's weights are never modified.
     */
    public ObjectProperty<WeightEdits> editsProperty() {
        return edits;
    }

    /** The selected layer's maps the views show (every head, or the selected one when a layer does not fit), or null. */
    public ReadOnlyObjectProperty<LayerMaps> layerMapsProperty() {
        return layerMaps.getReadOnlyProperty();
    }

    /** Why the views hold less than the whole layer (the memory budget), or empty. */
    public ReadOnlyStringProperty scopeNoteProperty() {
        return scopeNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return jobs.statusProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return jobs.progressProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return jobs.errorProperty();
    }

    /** Tokens the maps mark on their key axis (the target block of a find-the-block instance), or null. */
    public ReadOnlyObjectProperty<MarkedTokens> markedKeysProperty() {
        return markedKeys.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CellExplanation> explanationProperty() {
        return explanations.explanationProperty();
    }

    public StringProperty inputProperty() {
        return input;
    }

    /** True: the input box holds text for the tokenizer; false: raw token ids. */
    public BooleanProperty inputIsTextProperty() {
        return inputIsText;
    }

    /** Whether text input gets the tokenizer's BOS token first (training puts it there). */
    public BooleanProperty addBosProperty() {
        return addBos;
    }

    /** The tokens of the last run, with their labels and spans. */
    public ReadOnlyObjectProperty<List<Token>> tokensProperty() {
        return tokens.getReadOnlyProperty();
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public IntegerProperty headProperty() {
        return head;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    /** How the maps of the pipeline, before/after, compare and ablation views are coloured (the grid has its own). */
    public ObjectProperty<org.mtalens.viz.colour.ScaleSpec> scaleSpecProperty() {
        return scaleSpec;
    }

    public ObjectProperty<SelectedCell> cellProperty() {
        return cell;
    }
}
