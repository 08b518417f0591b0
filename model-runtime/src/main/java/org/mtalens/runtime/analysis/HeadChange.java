package org.mtalens.runtime.analysis;

/**
 * How much the MTA stages changed one head's attention: the Jensen–Shannon divergence between the
 * plain softmax of its {@code scores} and its {@code final} map, averaged over queries.
 *
 * @param layer          layer
 * @param head           head
 * @param meanDivergence mean over the queries with a usable {@code final} row of JS(plain, final), in nats,
 *                       0 (unchanged) to ln 2 (disjoint); NaN when no row is usable
 * @param clippedMass    mean over those queries of the fraction of the {@code final} row's absolute mass
 *                       that was negative and clipped to 0 before comparing (0 when no weight is negative)
 * @param emptyRows      queries skipped because their {@code final} row has no positive weight (e.g. a
 *                       zeroed head)
 */
public record HeadChange(int layer, int head, double meanDivergence, double clippedMass, int emptyRows) {
}
