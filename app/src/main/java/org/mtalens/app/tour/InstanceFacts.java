package org.mtalens.app.tour;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.mtalens.runtime.analysis.CellExplainer;
import org.mtalens.runtime.analysis.CellExplanation;
import org.mtalens.runtime.analysis.Contribution;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.LayerMaps;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.Trace;
import org.mtalens.samples.FindBlockTask;

/**
 * The numbers a tour tells about one find-the-block instance on one model, read from its run: the head (of any
 * layer) whose final map puts the most weight of the last query letter's row on the target block, what that head's
 * scores, convolution, softmax and final map do there, and the model's answer.
 *
 * @param model        the model's name
 * @param mta          whether the focus layer has a pre-softmax key-query convolution
 * @param layer        the focus layer
 * @param head         the focus head
 * @param queries      the positions of the query letters (the last one predicts the first answer letter)
 * @param targetStart  the target block's first position
 * @param targetEnd    one past its last position
 * @param letters      a label per position
 * @param bestScoreKey for each query letter, the key (after BOS) with its highest score
 * @param bestScore    those scores
 * @param plainShare   the share of the last query letter's plain-attention row (softmax of the scores) on the target
 * @param softmaxShare the share of its softmax row on the target (after the convolution, for MTA)
 * @param finalShare   the share of its final row on the target
 * @param peakKey      the key its final row weighs most
 * @param peakWeight   that weight
 * @param softmaxAtPeak the softmax map's value of (last query, peak key)
 * @param scoreAtPeak  the raw score of (last query, peak key)
 * @param convolved    the pre_sm_conv value of (last query, peak key), for MTA
 * @param topTerms     the two largest terms of that convolved cell, for MTA
 * @param kernel       [c_q][c_k] the focus head's pre-softmax kernel, for MTA
 * @param answer       the block the model writes (greedy at each answer position)
 * @param target       the target block
 */
record InstanceFacts(String model, boolean mta, int layer, int head, int[] queries, int targetStart, int targetEnd,
                     List<String> letters, int[] bestScoreKey, float[] bestScore, double plainShare, double softmaxShare,
                     double finalShare, int peakKey, float peakWeight, float softmaxAtPeak, float scoreAtPeak, float convolved,
                     List<Contribution> topTerms, float[][] kernel, String answer, String target) {

    /** @return the last query letter's position */
    int lastQuery() {
        return queries[queries.length - 1];
    }

    /** @return the label of {@code position} in quotes */
    String letter(int position) {
        return "'" + letters.get(position) + "'";
    }

    /** @return whether the model wrote the target block */
    boolean correct() {
        return answer.equals(target);
    }

    /**
     * Reads the facts from {@code trace} (on the inference thread: it replays layers).
     *
     * @param letters a label per position of the trace's tokens
     */
    static InstanceFacts of(String model, Checkpoint checkpoint, Trace trace, FindBlockTask task, int targetStart,
                            int targetEnd, List<String> letters, IntFunction<String> names) {
        ModelConfig config = checkpoint.config();
        int answerStart = task.answerStart();
        int[] queries = new int[task.queryLetters()];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = answerStart - queries.length + i;
        }
        int last = queries[queries.length - 1];
        int[] focus = focusHead(trace, config, last, targetStart, targetEnd);
        int layer = focus[0];
        int head = focus[1];
        LayerPlan plan = config.layerPlan(layer);
        LayerMaps maps = trace.maps(layer, MapQuery.head(head));
        AttentionMap scores = maps.map(Stage.SCORES, head).orElseThrow();
        AttentionMap softmax = maps.map(Stage.SOFTMAX, head).orElseThrow();
        AttentionMap fin = maps.map(Stage.FINAL, head).orElseThrow();
        int[] bestKey = new int[queries.length];
        float[] best = new float[queries.length];
        for (int i = 0; i < queries.length; i++) {
            bestKey[i] = argmax(scores, queries[i]);
            best[i] = scores.value(queries[i], bestKey[i]);
        }
        int peak = argmax(fin, last);
        boolean mta = plan.preSoftmaxConv().isPresent();
        float convolved = Float.NaN;
        List<Contribution> terms = List.of();
        float[][] kernel = new float[0][];
        if (mta) {
            convolved = maps.map(Stage.PRE_SM_CONV, head).orElseThrow().value(last, peak);
            CellExplanation explained = new CellExplainer(checkpoint, (l, s, h) -> maps.map(s, h), trace.edits())
                    .explain(layer, Stage.PRE_SM_CONV, head, last, peak).orElseThrow();
            terms = explained.contributions().stream()
                    .sorted(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.value()))).limit(2).toList();
            kernel = kernel(checkpoint, trace, layer, head);
        }
        return new InstanceFacts(model, mta, layer, head, queries, targetStart, targetEnd, letters, bestKey, best,
                share(plainSoftmax(scores, last), targetStart, targetEnd), share(softmax, last, targetStart, targetEnd),
                share(fin, last, targetStart, targetEnd), peak, fin.value(last, peak), softmax.value(last, peak),
                scores.value(last, peak), convolved,
                terms, kernel, answer(trace, task, names), String.join("", letters.subList(answerStart,
                Math.min(letters.size(), answerStart + task.blockLength()))));
    }

    /** @return {layer, head} whose final row {@code query} weighs the target block most */
    private static int[] focusHead(Trace trace, ModelConfig config, int query, int from, int to) {
        int[] best = {0, 0};
        double bestShare = -1;
        for (int layer = 0; layer < config.nLayers(); layer++) {
            LayerMaps maps = trace.maps(layer, MapQuery.stage(Stage.FINAL));
            for (int head = 0; head < config.nHeads(); head++) {
                double s = share(maps.map(Stage.FINAL, head).orElseThrow(), query, from, to);
                if (s > bestShare) {
                    bestShare = s;
                    best = new int[] {layer, head};
                }
            }
        }
        return best;
    }

    /** @return the key (after BOS, up to {@code query}) with the largest value in row {@code query} */
    private static int argmax(AttentionMap map, int query) {
        int best = Math.min(1, query);
        for (int k = best; k <= query; k++) {
            if (map.value(query, k) > map.value(query, best)) {
                best = k;
            }
        }
        return best;
    }

    private static double share(AttentionMap map, int query, int from, int to) {
        double sum = 0;
        for (int k = from; k < to && k <= query; k++) {
            sum += map.value(query, k);
        }
        return sum;
    }

    private static double share(double[] row, int from, int to) {
        double sum = 0;
        for (int k = from; k < to && k < row.length; k++) {
            sum += row[k];
        }
        return sum;
    }

    /** @return [query + 1] the softmax of row {@code query} of the scores: what plain attention would weigh */
    private static double[] plainSoftmax(AttentionMap scores, int query) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= query; k++) {
            max = Math.max(max, scores.value(query, k));
        }
        double[] row = new double[query + 1];
        double sum = 0;
        for (int k = 0; k <= query; k++) {
            row[k] = Math.exp(scores.value(query, k) - max);
            sum += row[k];
        }
        for (int k = 0; k <= query; k++) {
            row[k] /= sum;
        }
        return row;
    }

    private static float[][] kernel(Checkpoint checkpoint, Trace trace, int layer, int head) {
        String key = "layers." + layer + ".attention.mta_kernel";
        float[] all = checkpoint.tensor(key).toFloatArray();
        trace.edits().list().stream().filter(e -> e.tensorKey().equals(key)).forEach(e -> e.applyTo(all));
        long[] shape = checkpoint.tensor(key).shape(); // [H, 1, c_q, c_k]
        int rows = (int) shape[2];
        int columns = (int) shape[3];
        float[][] kernel = new float[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(all, (head * rows + r) * columns, kernel[r], 0, columns);
        }
        return kernel;
    }

    /** @return the letters the model predicts at the answer positions (the true answer in the input, as in training) */
    private static String answer(Trace trace, FindBlockTask task, IntFunction<String> names) {
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < task.blockLength() && task.answerStart() - 1 + i < trace.length(); i++) {
            int token = trace.topPredictions(task.answerStart() - 1 + i, 1).get(0).token();
            answer.append(names.apply(token));
        }
        return answer.toString();
    }

    /** @return the focus head's pre-softmax kernel as rows of signed numbers, for MTA */
    Optional<String> kernelText() {
        if (kernel.length == 0) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder();
        for (float[] row : kernel) {
            s.append('[');
            for (int c = 0; c < row.length; c++) {
                s.append(c == 0 ? "" : " ").append(String.format("%+.2f", row[c]));
            }
            s.append("]\n");
        }
        return Optional.of(s.toString().stripTrailing());
    }
}
