package org.mtalens.app.reading;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mtalens.app.work.Refresh;
import org.mtalens.viz.chart.StageLineChart;
import org.mtalens.viz.tokens.ShadedTextView;
import org.mtalens.viz.tokens.TopKeysView;

/**
 * The reading panel: the selected query's attention over all keys at each stage (one chart), its top keys (click one
 * to select that cell) and, for a text input, the text shaded by its final weights (click a token to select it as
 * the key). Ids {@code reading-title}, {@code query-lines}, {@code top-keys}, {@code shaded-text}.
 */
public final class ReadingView {
    private Runnable onJump = () -> { };
    private final ReadingViewModel vm;
    private final Label title = new Label();
    private final StageLineChart chart = new StageLineChart();
    private final TopKeysView topKeys = new TopKeysView();
    private final ShadedTextView text = new ShadedTextView();
    private final HBox root;

    public ReadingView(ReadingViewModel vm, ObservableBooleanValue shown) {
        this.vm = vm;
        title.setId("reading-title");
        title.getStyleClass().add("stage-title");
        chart.setId("query-lines");
        topKeys.setId("top-keys");
        text.setId("shaded-text");
        chart.setMinSize(200, 80);
        chart.setPrefSize(520, 200);
        topKeys.setMinHeight(60);
        topKeys.setPrefWidth(340);
        text.setPrefWidth(320);
        text.setMinWidth(160);
        topKeys.setOnKey(this::jumpTo);
        chart.addKeyListener(this::jumpTo);
        text.setOnToken(this::jumpTo);
        VBox lines = new VBox(4, title, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(lines, Priority.ALWAYS);
        root = new HBox(10, lines, topKeys, text);
        root.setId("reading");
        root.setMinHeight(100); // the user drags the divider above; the maps keep most of the height
        root.setPadding(new Insets(6, 12, 6, 12));
        var main = vm.main();
        Refresh.whenShown(shown, this::refresh, main.layerMapsProperty(), main.layerProperty(), main.headProperty(),
                main.cellProperty(), main.traceProperty()); // a run sets its maps before its trace: the query is the trace's last
        vm.readingProperty().addListener((o, a, r) -> show(r));
    }

    public Node node() {
        return root;
    }

    private void refresh() {
        vm.refresh();
    }

    private void show(QueryReading r) {
        if (r == null) {
            title.setText("");
            chart.show(java.util.List.of(), java.util.List.of());
            topKeys.show(java.util.List.of());
            return;
        }
        var main = vm.main();
        title.setText(String.format("query %d (%s): its attention over keys 0..%d, layer %d head %d",
                r.query(), main.tokenLabel(r.query()), r.query(), main.layerProperty().get(), main.headProperty().get()));
        chart.show(r.lines(), main.tokenLabels());
        topKeys.show(r.topKeys());
        text.setVisible(r.fromText());
        text.setManaged(r.fromText());
        if (r.fromText()) {
            text.show(r.texts(), r.finalRow(), r.query());
            text.scrollTo(r.query());
        }
    }

    /** What a click on a key does beside selecting its cell: the window zooms the map to it (set by the window). */
    public void setOnJump(Runnable jump) {
        onJump = jump == null ? () -> { } : jump;
    }

    private void jumpTo(int key) {
        vm.selectKey(key);
        onJump.run();
    }
}
