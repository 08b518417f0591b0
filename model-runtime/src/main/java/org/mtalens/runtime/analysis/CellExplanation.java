package org.mtalens.runtime.analysis;

import java.util.List;
import org.mtalens.runtime.config.Stage;

/**
 * Why a cell of a map after a convolution or head mixing has its value: each input x weight term,
 * largest magnitude first. The terms sum to the cell's value.
 *
 * @param layer         layer
 * @param stage         the stage whose cell is explained
 * @param inputStage    the stage the operation read
 * @param head          head of the cell
 * @param query         query (row) of the cell
 * @param key           key (column) of the cell
 * @param value         the cell's value in the run
 * @param contributions the terms, sorted by |input x weight|, largest first
 */
public record CellExplanation(int layer, Stage stage, Stage inputStage, int head, int query, int key, float value,
                              List<Contribution> contributions) {
    public CellExplanation {
        contributions = List.copyOf(contributions);
    }

    /** @return the sum of every term, which equals {@link #value()} up to float rounding */
    public double sum() {
        return contributions.stream().mapToDouble(Contribution::value).sum();
    }
}
