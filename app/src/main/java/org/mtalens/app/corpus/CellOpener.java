package org.mtalens.app.corpus;

import org.mtalens.runtime.corpus.CorpusSummary;
import org.mtalens.runtime.corpus.TopCell;

/** Opens a top cell's document in the main window, at the cell's layer, head and cell. */
@FunctionalInterface
public interface CellOpener {
    /**
     * @param checkpoint the summary's checkpoint, as the corpus command was given it ({@code sample}: the bundled one)
     * @param document   the cell's document, with its tokens
     * @param cell       the cell
     */
    void open(String checkpoint, CorpusSummary.CellDocument document, TopCell cell);
}
