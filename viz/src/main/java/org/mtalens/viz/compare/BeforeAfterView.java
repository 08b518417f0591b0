package org.mtalens.viz.compare;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mtalens.viz.Matrix;
import org.mtalens.viz.TokenRange;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Scale;
import org.mtalens.viz.colour.ColourScales;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.colour.ValueSummary;
import org.mtalens.viz.heatmap.Cell;
import org.mtalens.viz.heatmap.HeatmapView;
import org.mtalens.viz.heatmap.HoverText;

/**
 * Two maps of one head side by side (e.g. {@code softmax} before and {@code post_sm_conv} after) with one shared
 * colour scale (diverging when either holds a negative value), and their signed difference (after - before) as a third, diverging around 0. The three are
 * synchronised in zoom, pan, hover, selection, highlighted token and marked keys; a line below reads the hovered cell in all three.
 * Style class {@code before-after}; the line is {@code before-after-readout}.
 */
public class BeforeAfterView extends VBox {
    private final HeatmapView before = new HeatmapView();
    private final HeatmapView after = new HeatmapView();
    private final HeatmapView difference = new HeatmapView();
    private final Label readout = new Label();
    private final ReadOnlyStringWrapper readoutText = new ReadOnlyStringWrapper(this, "readoutText", "");

    public BeforeAfterView() {
        getStyleClass().add("before-after");
        readout.getStyleClass().add("before-after-readout");
        readout.textProperty().bind(readoutText);
        before.setShowColourBar(false);
        HBox maps = new HBox(before, after, difference);
        maps.getStyleClass().add("before-after-maps");
        for (HeatmapView v : new HeatmapView[] {before, after, difference}) {
            HBox.setHgrow(v, Priority.ALWAYS);
            v.setMinWidth(120);
            v.setPrefWidth(360);
        }
        VBox.setVgrow(maps, Priority.ALWAYS);
        getChildren().addAll(maps, readout);
        synchronise(after);
        synchronise(difference);
        before.hoverCellProperty().addListener((o, a, c) -> readoutText.set(describe(c)));
    }

    public BeforeAfterView(Matrix before, Matrix after) {
        this();
        show(before, after);
    }

    private void synchronise(HeatmapView other) {
        other.viewportProperty().bindBidirectional(before.viewportProperty());
        other.hoverCellProperty().bindBidirectional(before.hoverCellProperty());
        other.selectedCellProperty().bindBidirectional(before.selectedCellProperty());
        other.highlightedTokenProperty().bindBidirectional(before.highlightedTokenProperty());
        other.markedKeysProperty().bindBidirectional(before.markedKeysProperty());
    }

    /**
     * Shows {@code before} and {@code after} (same shape, same labels) with a shared scale, and after - before.
     *
     * @throws IllegalArgumentException when the shapes differ
     */
    public void show(Matrix beforeMap, Matrix afterMap) {
        if (beforeMap.rows() != afterMap.rows() || beforeMap.columns() != afterMap.columns()) {
            throw new IllegalArgumentException("before '" + beforeMap.title() + "' is " + beforeMap.rows() + "x"
                    + beforeMap.columns() + " but after '" + afterMap.title() + "' is " + afterMap.rows() + "x"
                    + afterMap.columns());
        }
        Matrix diff = Difference.of(beforeMap, afterMap);
        ValueSummary both = ValueSummary.of(beforeMap).merge(ValueSummary.of(afterMap));
        ColourScale scale = ColourScales.choose(ScaleSpec.PER_MAP, both);
        before.setColourScale(scale);
        after.setColourScale(scale);
        // a difference is signed even where it happens to be >= 0 everywhere
        difference.setColourScale(ColourScale.forKind(ValueKind.SIGNED, ValueSummary.of(diff).absMax(), Scale.LINEAR));
        before.setMatrix(beforeMap);
        after.setMatrix(afterMap);
        difference.setMatrix(diff);
        before.fit();
    }

    private String describe(Cell c) {
        if (c == null || before.getMatrix() == null) {
            return "";
        }
        Matrix b = before.getMatrix();
        if (b.isMasked(c.row(), c.column())) {
            return "query " + c.row() + " \u2192 key " + c.column() + ": masked (future key)";
        }
        return "query " + c.row() + " \u2192 key " + c.column() + ":  before " + HoverText.number(b.value(c.row(),
                c.column())) + "   after " + HoverText.number(after.getMatrix().value(c.row(), c.column()))
                + "   difference " + signed(difference.getMatrix().value(c.row(), c.column()));
    }

    private static String signed(float v) {
        return (v > 0 ? "+" : "") + HoverText.number(v);
    }

    /** Marks key columns {@code [from, to)} (e.g. the target block) on all three maps; null clears. */
    public void markKeys(TokenRange range) {
        before.setMarkedKeys(range);
    }

    /** The left map. */
    public HeatmapView before() {
        return before;
    }

    /** The middle map. */
    public HeatmapView after() {
        return after;
    }

    /** The right map: after - before. */
    public HeatmapView difference() {
        return difference;
    }

    /** The hovered cell read in all three maps, e.g. {@code query 3 → key 1:  before 0.0129   after 0.2000 ...}. */
    public ReadOnlyStringProperty readoutTextProperty() {
        return readoutText.getReadOnlyProperty();
    }

    @Override
    public String getUserAgentStylesheet() {
        return BeforeAfterView.class.getResource("/org/mtalens/viz/before-after.css").toExternalForm();
    }
}
