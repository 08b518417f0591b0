package org.mtalens.viz.kernel;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.colour.ColourBar;
import org.mtalens.viz.colour.ColourScale;

/**
 * The key-query kernels of one layer: every head's c_q x c_k kernel as a grid of coloured cells with values,
 * axes in token offsets (query -(c_q-1)..0, key offsets for the layer's pad_key), the identity tap outlined;
 * all heads side by side with one shared diverging scale, or one head enlarged (click a head; click it again
 * or "All heads" to go back). Under the title, the distance from the identity kernel, labelled per head (the shown
 * head's, or each head's) and per layer (all heads together). Every part reports a minimum width it can be drawn
 * in, so a narrow inspector scrolls instead of clipping. Style class {@code kernel-inspector}; the distances line
 * {@code kernel-distance}.
 */
public class KernelInspector extends BorderPane {
    /** {@link #shownHeadProperty()} value when all heads are shown. */
    public static final int ALL_HEADS = -1;

    private final IntegerProperty shownHead = new SimpleIntegerProperty(this, "shownHead", ALL_HEADS);
    private final FlowPane heads = new FlowPane(8, 8);
    private final ColourBar colourBar = new ColourBar();
    {
        colourBar.setShowSwatches(false);
    }
    private final Label title = new Label();
    private final Label distance = new Label();
    private final Button back = new Button("All heads");
    private Kernel kernel;

    public KernelInspector() {
        getStyleClass().add("kernel-inspector");
        title.getStyleClass().add("kernel-title");
        heads.getStyleClass().add("kernel-heads");
        distance.getStyleClass().add("kernel-distance");
        title.setWrapText(true);
        title.setMinWidth(120);
        distance.setWrapText(true);
        distance.setMinWidth(120);
        back.setOnAction(e -> showAll());
        back.setVisible(false);
        back.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(title, Priority.ALWAYS);
        setTop(new VBox(2, new HBox(8, title, back), distance));
        colourBar.setMinWidth(Region.USE_PREF_SIZE);
        setCenter(heads);
        setRight(colourBar);
        shownHead.addListener((o, a, b) -> rebuild());
    }

    public KernelInspector(Kernel k) {
        this();
        setKernel(k);
    }

    /** Shows the kernels of one layer (all heads). */
    public void setKernel(Kernel k) {
        kernel = k;
        title.setText(KernelText.title(k));
        if (shownHead.get() >= k.heads()) {
            shownHead.set(ALL_HEADS);
        }
        rebuild();
    }

    public Kernel getKernel() {
        return kernel;
    }

    /** Enlarges one head. */
    public void showHead(int head) {
        if (kernel != null && (head < 0 || head >= kernel.heads())) {
            throw new IllegalArgumentException("head " + head + " out of range 0.." + (kernel.heads() - 1));
        }
        shownHead.set(head);
    }

    /** Shows all heads side by side. */
    public void showAll() {
        shownHead.set(ALL_HEADS);
    }

    /** The enlarged head, or {@link #ALL_HEADS}. */
    public IntegerProperty shownHeadProperty() {
        return shownHead;
    }

    private void rebuild() {
        heads.getChildren().clear();
        if (kernel == null) {
            return;
        }
        ColourScale scale = KernelGrids.sharedScale(kernel);
        colourBar.setColourScale(scale);
        int shown = shownHead.get();
        back.setVisible(shown != ALL_HEADS);
        distance.setText(distanceText(kernel, shown));
        for (int h = 0; h < kernel.heads(); h++) {
            if (shown != ALL_HEADS && h != shown) {
                continue;
            }
            ValueGrid grid = new ValueGrid(KernelGrids.kernelHead(kernel, h, scale), shown == ALL_HEADS ? 30 : 64);
            grid.getStyleClass().add("kernel-head");
            int head = h;
            grid.setOnMouseClicked(e -> {
                if (shownHead.get() == head) {
                    showAll();
                } else {
                    showHead(head);
                }
            });
            heads.getChildren().add(grid);
        }
        // one enlarged head fills the width it gets (down to its smallest cells), so a narrow inspector never clips it
        setCenter(shown != ALL_HEADS && heads.getChildren().size() == 1 ? heads.getChildren().get(0) : heads);
    }

    /**
     * @return e.g. {@code distance from identity: head 2 0.1234 · layer (all 4 heads) 0.4567}; with all heads shown,
     *         every head's distance
     */
    public static String distanceText(Kernel k, int shownHead) {
        return KernelText.distances(k, shownHead == ALL_HEADS ? KernelText.ALL_HEADS : shownHead);
    }

    /** The line of distances from the identity kernel shown under the title. */
    public String distanceText() {
        return distance.getText();
    }

    @Override
    public String getUserAgentStylesheet() {
        return KernelInspector.class.getResource("/org/mtalens/viz/kernel-inspector.css").toExternalForm();
    }
}
