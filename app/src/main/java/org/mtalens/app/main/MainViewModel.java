package org.mtalens.app.main;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
import org.mtalens.app.session.ModelSession;
import org.mtalens.app.session.SessionLoader;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.analysis.CellExplainer;
import org.mtalens.runtime.analysis.CellExplanation;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.Ablation;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.run.ModelInput;
import org.mtalens.runtime.tokenizer.BosToken;
import org.mtalens.runtime.tokenizer.Token;
import org.mtalens.runtime.tokenizer.Tokenizer;
import org.mtalens.runtime.tokenizer.TokenizerLookup;
import org.mtalens.runtime.tokenizer.Tokenizers;
import org.mtalens.samples.FindBlockGenerator;
import org.mtalens.samples.FindBlockInstance;
import org.mtalens.samples.SampleCheckpoints;

/**
 * The main window's state and commands: the open checkpoint, the last run, the selection (layer,
 * head, stage, cell) and the explanation of the selected cell. Work runs through {@link BackgroundJobs} on the
 * inference executor (one thread), results come back through {@code fxThread}; the newest request wins.
 * Holds no nodes.
 */
public final class MainViewModel {
    private final SessionLoader loader;
    private final BackgroundJobs jobs;

    private final ReadOnlyObjectWrapper<ModelSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>();
    private final StringProperty input = new SimpleStringProperty("");
    private final BooleanProperty inputIsText = new SimpleBooleanProperty(false);
    private final BooleanProperty addBos = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<List<Token>> tokens = new ReadOnlyObjectWrapper<>(List.of());
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final IntegerProperty head = new SimpleIntegerProperty(0);
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.FINAL);
    private final ObjectProperty<SelectedCell> cell = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<CellExplanation> explanation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MarkedTokens> markedKeys = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelSession> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunResult> comparisonResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper comparisonLabel = new ReadOnlyStringWrapper("");
    private final StringProperty ablation = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Ablation> comparedAblation = new ReadOnlyObjectWrapper<>();
    private final java.util.Random instanceSeeds = new java.util.Random();
    private String instanceInput;
    private boolean allowLonger;

    /** The seed of the find-the-block instance shown when a toy checkpoint opens, so first starts look alike. */
    static final long FIRST_INSTANCE_SEED = 2025;

    /** A cell of a map: query row, key column. */
    public record SelectedCell(int query, int key) {
    }

    public MainViewModel(SessionLoader loader, Executor inference, Executor fxThread) {
        this.loader = loader;
        this.jobs = new BackgroundJobs(inference, fxThread);
        layer.addListener((o, a, b) -> explainSelectedCell());
        head.addListener((o, a, b) -> explainSelectedCell());
        stage.addListener((o, a, b) -> explainSelectedCell());
        cell.addListener((o, a, b) -> explainSelectedCell());
        result.addListener((o, a, b) -> explainSelectedCell());
    }

    // ---- commands ----

    /** Opens a checkpoint in the background; on success it replaces the open one and runs its example input. */
    public void open(Path path) {
        jobs.submit("Loading " + path + " ...", cancelled -> loader.load(path, cancelled), opened -> {
            ModelSession old = session.get();
            forgetAblation();
            session.set(opened);
            result.set(null);
            cell.set(null);
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

    /** Runs the input box's tokens through the open checkpoint, capturing every map. */
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
            jobs.report(new ErrorReport("Cannot run this input", e.getMessage(), ""));
            return;
        }
        if (!input.get().equals(instanceInput)) {
            markedKeys.set(null);
        }
        ModelSession other = comparison.get();
        Ablation ablated = comparedAblation.get();
        boolean longer = allowLonger;
        jobs.submit("Running " + modelInput.ids().length + " tokens ...", cancelled -> {
            open.runner().allowLongerInputs(longer);
            RunResult main = open.runner().run(RunRequest.of(modelInput.ids()), cancelled);
            RunResult compared;
            if (ablated != null) {
                compared = open.runner().run(RunRequest.of(modelInput.ids()).withAblation(ablated), cancelled);
            } else {
                compared = other == null || !fits(other, modelInput.ids()) ? null
                        : other.runner().run(RunRequest.of(modelInput.ids()), cancelled);
            }
            return new RunResult[] {main, compared};
        }, runs -> {
            tokens.set(modelInput.tokens());
            result.set(runs[0]);
            comparisonResult.set(runs[1]);
        }, "Could not run the input");
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
     * Compares the open checkpoint with itself with parts switched off (the {@link #ablationProperty()}
     * text, e.g. {@code L1.pre_sm_conv,L0.head1}): the ablated run appears beside the intact one. The
     * checkpoint's weights are not touched.
     */
    public void compareWithAblation() {
        ModelSession open = session.get();
        if (open == null) {
            return;
        }
        try {
            compareWithAblation(Ablation.parse(ablation.get(), open.checkpoint().config()));
        } catch (InvalidInputException e) {
            jobs.report(new ErrorReport("Cannot switch that off", e.getMessage(), ""));
        }
    }

    /**
     * Compares the open checkpoint with itself with {@code parts} switched off. When the intact run of
     * the shown input is there, only the ablated pass runs (on the same tokens), so toggling a part is
     * one forward pass.
     */
    public void compareWithAblation(Ablation parts) {
        ModelSession open = session.get();
        if (open == null) {
            return;
        }
        comparedAblation.set(parts);
        ablation.set(parts.toString());
        comparisonLabel.set(open.name() + " with " + (parts.isNone() ? "nothing" : parts) + " switched off");
        RunResult intact = result.get();
        if (intact == null) {
            run();
            return;
        }
        int[] ids = intact.tokens();
        jobs.submit("Running with " + (parts.isNone() ? "nothing" : parts) + " switched off ...",
                cancelled -> open.runner().run(RunRequest.of(ids).withAblation(parts), cancelled),
                comparisonResult::set, "Could not run with " + parts + " switched off");
    }

    private void forgetAblation() {
        if (comparedAblation.get() != null) {
            comparedAblation.set(null);
            comparisonResult.set(null);
            comparisonLabel.set("");
            ablation.set("");
        }
    }

    /** Opens a second checkpoint to run on the same input, side by side (e.g. the baseline sample). */
    public void openComparison(Path path) {
        jobs.submit("Loading " + path + " for comparison ...", cancelled -> loader.load(path, cancelled), opened -> {
            ModelSession old = comparison.get();
            comparedAblation.set(null);
            comparisonLabel.set(opened.name());
            comparison.set(opened);
            if (old != null) {
                jobs.later(old::close);
            }
            run();
        }, "Could not open " + path.getFileName() + " for comparison");
    }

    /**
     * Uses a tokenizer file the user chose (tokenizer.json or a tiktoken tokenizer.model) for the open
     * checkpoint; a bad file is reported and the current tokenizer stays.
     */
    public void useTokenizer(Path file) {
        ModelSession open = session.get();
        if (open == null) {
            return;
        }
        try {
            Tokenizer tokenizer = Tokenizers.fromFile(file);
            session.set(open.withTokenizer(new TokenizerLookup(Optional.of(tokenizer), tokenizer.name() + " from " + file)));
        } catch (InvalidInputException e) {
            jobs.report(new ErrorReport("Could not read the tokenizer", e.getMessage(), ""));
        }
    }

    /** Compares with the bundled baseline (single-token attention) of the find-the-block sample. */
    public void compareWithBaselineSample() {
        openComparison(SampleCheckpoints.findBlockBaseline());
    }

    private static boolean fits(ModelSession other, int[] ids) {
        try {
            ModelRunner.validate(other.checkpoint().config(), ids);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private ModelInput readInput(ModelSession open) {
        if (inputIsText.get()) {
            return ModelInput.ofText(input.get(), open.tokenizer(), addBos.get() ? BosToken.ADD : BosToken.OMIT);
        }
        return ModelInput.ofIds(input.get(), open.checkpoint().config().vocabSize(), open.tokenizer().tokenizer());
    }

    /** Appends {@code count} greedily generated tokens to the input, then runs it. */
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
        jobs.submit("Generating " + count + " tokens ...", cancelled -> open.runner().generate(prompt.ids(), count), ids -> {
            int[] added = java.util.Arrays.copyOfRange(ids, prompt.ids().length, ids.length);
            if (inputIsText.get()) {
                input.set(input.get() + open.tokenizer().tokenizer().orElseThrow().decode(added));
            } else {
                input.set(String.join(",", java.util.Arrays.stream(ids).mapToObj(Integer::toString).toList()));
            }
            run();
        }, "Could not generate");
    }

    /** Stops the running request; what the user had stays. */
    public void cancel() {
        jobs.cancel();
    }

    /** Lets {@link #run()} run inputs longer than max_seqlen ({@code snapshot --allow-longer}); off by default. */
    public void allowLongerInputs(boolean allow) {
        allowLonger = allow;
    }

    /** Dismisses the current error. */
    public void clearError() {
        jobs.report(null);
    }

    /**
     * Runs {@code work}, a pure-Java analysis of results already made, on the inference thread (after the
     * requests queued before it) and hands its value to {@code done} on the FX thread. Not shown as busy;
     * a failure is reported like a failed run.
     */
    public <T> void analyse(java.util.function.Supplier<T> work, Consumer<T> done) {
        jobs.analyse(work, done);
    }

    private void explainSelectedCell() {
        ModelSession open = session.get();
        RunResult run = result.get();
        SelectedCell selected = cell.get();
        if (open == null || run == null || selected == null || stage.get() == null) {
            explanation.set(null);
            return;
        }
        explanation.set(new CellExplainer(open.checkpoint(), run)
                .explain(layer.get(), stage.get(), head.get(), selected.query(), selected.key()).orElse(null));
    }

    // ---- derived state ----

    /** @return the plan of the selected layer, if a checkpoint is open */
    public Optional<LayerPlan> selectedLayerPlan() {
        ModelSession open = session.get();
        return open == null ? Optional.empty() : Optional.of(open.checkpoint().config().layerPlan(layer.get()));
    }

    /** @return the selected layer and head's map at {@code at}, if the last run has it */
    public Optional<AttentionMap> map(Stage at) {
        RunResult run = result.get();
        return run == null ? Optional.empty() : run.map(layer.get(), at, head.get());
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

    private static int firstMtaLayer(ModelSession session) {
        return session.checkpoint().config().layerPlans().stream().filter(LayerPlan::hasKeyQueryConv)
                .mapToInt(LayerPlan::layer).findFirst().orElse(0);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<ModelSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
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

    /** The ablation to compare with, as typed ({@code L1.pre_sm_conv,L3.head2.post_sm_conv,L0.gate}). */
    public StringProperty ablationProperty() {
        return ablation;
    }

    /** The parts switched off in the comparison run, or null when the comparison is another checkpoint or none. */
    public ReadOnlyObjectProperty<Ablation> comparedAblationProperty() {
        return comparedAblation.getReadOnlyProperty();
    }

    /** @return the query whose next token the comparisons discuss: the selected cell's query, else the last position */
    public int selectedQuery() {
        RunResult run = result.get();
        SelectedCell selected = cell.get();
        if (run == null) {
            return 0;
        }
        return selected != null && selected.query() < run.length() ? selected.query() : run.length() - 1;
    }

    /** What the comparison shows: the second checkpoint's name or the ablation, or empty. */
    public ReadOnlyStringProperty comparisonLabelProperty() {
        return comparisonLabel.getReadOnlyProperty();
    }

    /** The second checkpoint, run on the same input, or null. */
    public ReadOnlyObjectProperty<ModelSession> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The second checkpoint's run of the current input, or null. */
    public ReadOnlyObjectProperty<RunResult> comparisonResultProperty() {
        return comparisonResult.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CellExplanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
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

    public ObjectProperty<SelectedCell> cellProperty() {
        return cell;
    }
}
