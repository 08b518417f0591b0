package org.mtalens.app.tour;

import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.analysis.Contribution;
import org.mtalens.runtime.config.Stage;

/**
 * The tours' text, written from the facts of a run (no number in it is fixed): the walk through the MTA sample's
 * pipeline stage by stage, and the comparison of the baseline and MTA models on the same instance.
 */
final class TourScript {
    /** The centre tab each tour shows: the pipeline, or the side-by-side comparison. */
    static final int PIPELINE_TAB = 0;
    static final int COMPARE_TAB = 3;

    private TourScript() {
    }

    /** @return the steps of the pipeline tour of the MTA model */
    static List<TourStep> pipeline(InstanceFacts f) {
        List<TourStep> steps = new ArrayList<>();
        int q = f.lastQuery();
        int first = f.queries()[0];
        steps.add(new TourStep("The task: find the block",
                "The input is a row of blocks of letters, then '#' and " + f.queries().length + " query letters; the model "
                        + "must write out the one block that holds all of them. One attention head weighs each key by "
                        + "one query-key match, but here two letters must match at once.",
                "input = blocks # query → answer block",
                String.format("This instance: query letters %s at positions %s; the target block %s sits at positions "
                                + "%d-%d (marked on the key axis). The model (%s) answers '%s' (%s). The tour follows "
                                + "layer %d, head %d: of all heads, its final map sends the most of query %d's attention "
                                + "to the target (%.0f%%).", letters(f), positions(f), quoted(f.target()), f.targetStart(),
                        f.targetEnd() - 1, f.model(), f.answer(), f.correct() ? "right" : "wrong, the target is '"
                                + f.target() + "'", f.layer(), f.head(), q, 100 * f.finalShare()),
                "Which keys must the last query letter attend to, so that the model can copy the block?",
                new TourStep.Selection(PIPELINE_TAB, f.layer(), f.head(), Stage.FINAL, q, f.peakKey())));
        steps.add(new TourStep("Stage 1: scores",
                "Each query is compared with every earlier key, one pair at a time: the dot product of their vectors, "
                        + "scaled. Future keys are 0 (masked).",
                "A = Q Kᵀ / √d        A[i, j] = q_i · k_j / √d,  j ≤ i",
                String.format("Row %d (query letter %s) scores key %d (%s) highest: %.3f. Row %d (query letter %s) "
                                + "scores key %d (%s) highest: %.3f. The selected cell (query %d %s, key %d %s, where "
                                + "the final attention peaks) holds %.3f.", first, f.letter(first), f.bestScoreKey()[0],
                        f.letter(f.bestScoreKey()[0]), f.bestScore()[0], q, f.letter(q), f.bestScoreKey()[1 % f.queries().length],
                        f.letter(f.bestScoreKey()[1 % f.queries().length]), f.bestScore()[1 % f.queries().length], q,
                        f.letter(q), f.peakKey(), f.letter(f.peakKey()), f.scoreAtPeak()),
                "A letter can appear in several blocks. Can one row of scores alone tell which block holds both letters?",
                new TourStep.Selection(PIPELINE_TAB, f.layer(), f.head(), Stage.SCORES, q, f.peakKey())));
        if (f.mta()) {
            steps.add(convolutionStep(f));
        }
        steps.add(new TourStep("Stage " + (f.mta() ? 3 : 2) + ": softmax",
                "Each row's scores become weights that sum to 1: large scores take most of the weight.",
                "W[i, j] = exp(Â[i, j]) / Σ_{j' ≤ i} exp(Â[i, j'])",
                String.format("Plain attention (the softmax of the raw scores) would put %.1f%% of row %d on the target "
                                + "block; this row puts %.1f%% there%s. The selected cell (query %d, key %d) holds %.3f.",
                        100 * f.plainShare(), q, 100 * f.softmaxShare(), f.mta() ? ", after the convolution" : "", q,
                        f.peakKey(), f.softmaxAtPeak()),
                "Why does a small change of the scores make a large change of the weights?",
                new TourStep.Selection(PIPELINE_TAB, f.layer(), f.head(), Stage.SOFTMAX, q, f.peakKey())));
        steps.add(new TourStep("Stage " + (f.mta() ? 4 : 3) + ": final weights",
                "The weights that multiply the values: each query's output is the weighted mean of the values of the "
                        + "keys it attends to.",
                "out_i = Σ_j W[i, j] · v_j",
                String.format("Row %d weighs key %d (%s) most: %.3f, and the target block %.1f%% in all. The model "
                                + "writes '%s' for the target '%s'.", q, f.peakKey(), f.letter(f.peakKey()), f.peakWeight(),
                        100 * f.finalShare(), f.answer(), f.target()),
                f.mta() ? "Set this head's kernel to the identity in the editor (What if: edit a kernel): what happens to "
                        + "this row and to the answer?" : "What would the model need to look at two letters at once?",
                new TourStep.Selection(PIPELINE_TAB, f.layer(), f.head(), Stage.FINAL, q, f.peakKey())));
        return steps;
    }

    private static TourStep convolutionStep(InstanceFacts f) {
        int q = f.lastQuery();
        StringBuilder terms = new StringBuilder();
        for (Contribution c : f.topTerms()) {
            terms.append(String.format("%n  %s: score of query %d %s and key %d %s, %.3f × tap %.3f = %.3f",
                    c.description(), c.query(), f.letter(c.query()), c.key(), f.letter(c.key()), c.input(), c.weight(),
                    c.value()));
        }
        int rows = f.kernel().length;
        int columns = rows == 0 ? 0 : f.kernel()[0].length;
        return new TourStep("Stage 2: key-query convolution (pre_sm_conv)",
                "MTA's step: each score becomes a weighted sum of the scores around it, of earlier queries and "
                        + "neighbouring keys, with a small kernel learned per head. So the previous query letter's match "
                        + "can add to this letter's match one key later.",
                "Â = Conv2d_θ(A)        Â[i, j] = Σ_{a, b} θ[a, b] · A[i − (c_q − 1) + a, j − m + b]",
                String.format("Head %d's %d × %d kernel θ (rows: earlier query to this query; columns: keys):%n%s%n"
                                + "The selected cell (query %d %s, key %d %s) goes from the score %.3f to %.3f; its two "
                                + "largest terms:%s", f.head(), rows, columns, f.kernelText().orElse(""), q, f.letter(q),
                        f.peakKey(), f.letter(f.peakKey()), f.scoreAtPeak(), f.convolved(), terms),
                "Which tap lets the previous query letter's score count at this letter's row, and why one key over?",
                new TourStep.Selection(PIPELINE_TAB, f.layer(), f.head(), Stage.PRE_SM_CONV, q, f.peakKey()));
    }

    /** @return the steps comparing the baseline and MTA models on the same instance */
    static List<TourStep> comparison(InstanceFacts mta, InstanceFacts baseline) {
        int q = mta.lastQuery();
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep("Two models, one instance",
                "The baseline is the same transformer without MTA (single-token attention), trained the same way on the "
                        + "same task. Both read the same tokens.",
                "baseline: W = softmax(Q Kᵀ / √d)      MTA: W = softmax(Conv2d_θ(Q Kᵀ / √d))",
                String.format("Target block %s. %s answers '%s' (%s); %s answers '%s' (%s).", quoted(mta.target()),
                        mta.model(), mta.answer(), mta.correct() ? "right" : "wrong", baseline.model(), baseline.answer(),
                        baseline.correct() ? "right" : "wrong"),
                "Before looking at the maps: which model do you expect to find the block more often, and why?",
                new TourStep.Selection(COMPARE_TAB, mta.layer(), mta.head(), Stage.FINAL, q, mta.peakKey())));
        steps.add(new TourStep("Scores: the same kind of evidence",
                "Both models start from one query-key match per cell.",
                "A[i, j] = q_i · k_j / √d",
                String.format("Query letter %s (row %d): the MTA model's best key is %d %s (%.3f), the baseline's %d %s "
                                + "(%.3f).", mta.letter(q), q, mta.bestScoreKey()[mta.queries().length - 1],
                        mta.letter(mta.bestScoreKey()[mta.queries().length - 1]), mta.bestScore()[mta.queries().length - 1],
                        baseline.bestScoreKey()[baseline.queries().length - 1],
                        baseline.letter(baseline.bestScoreKey()[baseline.queries().length - 1]),
                        baseline.bestScore()[baseline.queries().length - 1]),
                "If the letter occurs in several blocks, what can the baseline do with a single row of scores?",
                new TourStep.Selection(COMPARE_TAB, mta.layer(), mta.head(), Stage.SCORES, q, mta.peakKey())));
        steps.add(new TourStep("Where the attention ends up",
                "The final weights of the last query letter's row, in each model's most target-focused head.",
                "share on target = Σ_{j in block} W[i, j]",
                String.format("MTA (layer %d, head %d): %.1f%% of row %d on the target block (plain softmax of its "
                                + "scores: %.1f%%). Baseline (layer %d, head %d): %.1f%%.", mta.layer(), mta.head(),
                        100 * mta.finalShare(), q, 100 * mta.plainShare(), baseline.layer(), baseline.head(),
                        100 * baseline.finalShare()),
                "What does the convolution add that the baseline's heads must do with its layers instead?",
                new TourStep.Selection(COMPARE_TAB, mta.layer(), mta.head(), Stage.FINAL, q, mta.peakKey())));
        return steps;
    }

    private static String letters(InstanceFacts f) {
        StringBuilder s = new StringBuilder();
        for (int p : f.queries()) {
            s.append(s.length() == 0 ? "" : " and ").append(f.letter(p));
        }
        return s.toString();
    }

    private static String positions(InstanceFacts f) {
        StringBuilder s = new StringBuilder();
        for (int p : f.queries()) {
            s.append(s.length() == 0 ? "" : " and ").append(p);
        }
        return s.toString();
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }
}
