package org.mtalens.app.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.tokenizer.Token;
import org.mtalens.viz.chart.StageSeries;
import org.mtalens.viz.tokens.TopKeys;

/**
 * Reading long inputs: for the selected query (the selected cell's row, else the last token), its row of the
 * selected layer and head's maps at scores, pre_sm_conv, softmax and final (those the layer has), its top keys by
 * final weight with a few tokens of context, and the input's text to shade by that row. Rows come from the maps
 * {@link MainViewModel} holds for the layer (no replay); nothing here is a node.
 */
public final class ReadingViewModel {
    /** The stages drawn as lines, in forward order. */
    static final List<Stage> LINES = List.of(Stage.SCORES, Stage.PRE_SM_CONV, Stage.SOFTMAX, Stage.FINAL);
    /** How many top keys are listed. */
    static final int TOP_KEYS = 10;
    /** Tokens of context on each side of a top key. */
    static final int CONTEXT = 3;

    private final MainViewModel main;
    private final ReadOnlyObjectWrapper<QueryReading> reading = new ReadOnlyObjectWrapper<>();

    public ReadingViewModel(MainViewModel main) {
        this.main = main;
    }

    public MainViewModel main() {
        return main;
    }

    /** Recomputes the reading of the selected query (cheap: a few rows of maps already held). */
    public void refresh() {
        reading.set(read().orElse(null));
    }

    /** Selects the cell (selected query, {@code key}) at the final stage, e.g. when a top key is clicked. */
    public void selectKey(int key) {
        QueryReading shown = reading.get();
        if (shown != null && key >= 0 && key <= shown.query()) {
            main.stageProperty().set(Stage.FINAL);
            main.cellProperty().set(new MainViewModel.SelectedCell(shown.query(), key));
        }
    }

    private Optional<QueryReading> read() {
        Optional<AttentionMap> last = main.map(Stage.FINAL);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        int query = Math.min(main.selectedQuery(), last.get().tokens() - 1);
        List<StageSeries> lines = new ArrayList<>();
        for (Stage stage : LINES) {
            main.map(stage).ifPresent(map -> lines.add(new StageSeries(stage.id(),
                    stage.isAfterSoftmax() ? StageSeries.Kind.WEIGHT : StageSeries.Kind.LOGIT, row(map, query))));
        }
        float[] weights = row(last.get(), query);
        List<String> labels = main.tokenLabels();
        List<Token> tokens = main.tokensProperty().get();
        boolean text = main.inputIsTextProperty().get() && tokens.size() == labels.size();
        List<String> texts = text ? tokens.stream().map(t -> t.hasSpan() ? t.text() : t.label()).toList() : labels;
        return Optional.of(new QueryReading(query, lines, TopKeys.of(weights, TOP_KEYS, labels, CONTEXT), texts,
                weights, text));
    }

    /** @return the query's values over keys 0..query */
    static float[] row(AttentionMap map, int query) {
        float[] out = new float[query + 1];
        for (int k = 0; k <= query; k++) {
            out[k] = map.value(query, k);
        }
        return out;
    }

    /** The selected query's reading, or null before a run. */
    public ReadOnlyObjectProperty<QueryReading> readingProperty() {
        return reading.getReadOnlyProperty();
    }
}
