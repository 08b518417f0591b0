package org.mtalens.app.tour;

import org.mtalens.runtime.config.Stage;

/**
 * One step of a guided tour: what the stage computes (in words and in the paper's symbols), what to look at in this
 * instance (numbers from the run), a question for the student, and what the main window selects for it.
 *
 * @param title     the step's heading
 * @param computes  what the stage computes, in words
 * @param equation  the same in symbols
 * @param observe   what to look at here, with the run's numbers
 * @param question  a question for the student
 * @param selection what the window shows for this step
 */
public record TourStep(String title, String computes, String equation, String observe, String question,
                       Selection selection) {
    /**
     * What a step selects in the main window.
     *
     * @param tab   the centre tab (0 pipeline, 3 compare)
     * @param layer layer
     * @param head  head
     * @param stage stage
     * @param query the selected cell's query
     * @param key   the selected cell's key
     */
    public record Selection(int tab, int layer, int head, Stage stage, int query, int key) {
    }
}
