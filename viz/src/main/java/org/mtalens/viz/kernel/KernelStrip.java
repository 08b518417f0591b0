package org.mtalens.viz.kernel;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.mtalens.viz.Kernel;
import org.mtalens.viz.ValueKind;
import org.mtalens.viz.colour.ColourBar;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.Scale;

/**
 * Several single-head kernels side by side (e.g. one head's kernel at each checkpoint of a run), each titled with
 * its kernel's title, all coloured with one diverging scale so the eye can compare them. Style class
 * {@code kernel-strip}; each grid has style class {@code kernel-strip-item}.
 */
public class KernelStrip extends BorderPane {
    private final FlowPane grids = new FlowPane(8, 8);
    private final ColourBar colourBar = new ColourBar();
    private List<Kernel> kernels = List.of();

    public KernelStrip() {
        getStyleClass().add("kernel-strip");
        colourBar.setShowSwatches(false);
        setCenter(grids);
        setRight(colourBar);
    }

    /** Shows these kernels (head 0 of each) in order; an empty list clears the strip. */
    public void setKernels(List<Kernel> shown) {
        kernels = List.copyOf(shown);
        grids.getChildren().clear();
        ColourScale scale = sharedScale(kernels);
        colourBar.setColourScale(scale);
        for (Kernel k : kernels) {
            GridData head = KernelGrids.kernelHead(k, 0, scale);
            ValueGrid grid = new ValueGrid(new GridData(k.title(), head.rows(), head.columns(), head.values(),
                    head.rowLabels(), head.columnLabels(), head.rowAxis(), head.columnAxis(), head.markedRow(),
                    head.markedColumn(), null, scale), 26);
            grid.getStyleClass().add("kernel-strip-item");
            grids.getChildren().add(grid);
        }
    }

    /** @return the kernels shown */
    public List<Kernel> getKernels() {
        return new ArrayList<>(kernels);
    }

    /** @return the diverging scale symmetric around 0 up to the largest |value| of all kernels */
    static ColourScale sharedScale(List<Kernel> kernels) {
        float absMax = 0;
        for (Kernel k : kernels) {
            absMax = Math.max(absMax, k.absMax());
        }
        return ColourScale.forKind(ValueKind.SIGNED, absMax, Scale.LINEAR);
    }
}
