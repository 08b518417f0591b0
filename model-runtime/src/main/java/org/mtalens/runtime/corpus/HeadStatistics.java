package org.mtalens.runtime.corpus;

/**
 * What one head did on one document (all figures over the document's queries; weights are the {@code final} map's
 * unless named otherwise; "clipped" rows are {@code final} rows with negative weights set to 0 and renormalised,
 * as {@link org.mtalens.runtime.analysis.AttentionChange} compares them).
 *
 * @param layer          layer
 * @param head           head
 * @param mtaChange      mean Jensen–Shannon divergence (nats) between plain attention (softmax of {@code scores})
 *                       and the clipped {@code final} rows: the MTA change tab's figure; NaN when no row is usable
 * @param clippedShare   mean over those rows of the share of absolute weight that was negative and clipped
 * @param softmaxEntropy mean entropy (nats) of the {@code softmax} rows
 * @param finalEntropy   mean entropy (nats) of the clipped {@code final} rows; NaN when no row is usable
 * @param meanDistance   mean over the clipped {@code final} rows of the weighted distance sum_k w_k (query - key)
 * @param sinkMass       mean {@code final} weight on key 0 over queries 1.. (query 0 can only attend to key 0);
 *                       NaN for a one-token document
 * @param negativeShare  negative weight over absolute weight of the whole {@code final} map (0 when the
 *                       post-softmax steps left no weight negative)
 * @param targetMass     {@code final} weight on the target block at the answer position (find-the-block inputs);
 *                       NaN for other documents
 */
public record HeadStatistics(int layer, int head, double mtaChange, double clippedShare, double softmaxEntropy,
                             double finalEntropy, double meanDistance, double sinkMass, double negativeShare,
                             double targetMass) {
}
