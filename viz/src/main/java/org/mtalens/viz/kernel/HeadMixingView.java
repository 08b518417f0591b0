package org.mtalens.viz.kernel;

import javafx.scene.layout.BorderPane;
import org.mtalens.viz.HeadMixing;
import org.mtalens.viz.colour.ColourBar;

/**
 * A head-mixing matrix ({@code wpsm}, {@code wposm} or grouped {@code head_kernel}) as coloured cells with values:
 * rows are destination heads, columns source heads; pairs of heads in different groups are blank.
 * Style class {@code head-mixing}.
 */
public class HeadMixingView extends BorderPane {
    private final ValueGrid grid = new ValueGrid();
    private final ColourBar colourBar = new ColourBar();

    public HeadMixingView() {
        getStyleClass().add("head-mixing");
        setCenter(grid);
        setRight(colourBar);
        colourBar.setShowSwatches(false);
        colourBar.setMinWidth(USE_PREF_SIZE);
    }

    public HeadMixingView(HeadMixing mixing) {
        this();
        setMixing(mixing);
    }

    /** Shows a head-mixing matrix. */
    public void setMixing(HeadMixing mixing) {
        GridData data = KernelGrids.headMixing(mixing);
        grid.setPreferredCell(mixing.heads() <= 16 ? 40 : 22);
        grid.setData(data);
        colourBar.setColourScale(data.scale());
    }

    /** The grid drawn (for tests and export). */
    public GridData getData() {
        return grid.getData();
    }

    @Override
    public String getUserAgentStylesheet() {
        return HeadMixingView.class.getResource("/org/mtalens/viz/kernel-inspector.css").toExternalForm();
    }
}
