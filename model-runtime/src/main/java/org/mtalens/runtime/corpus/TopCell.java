package org.mtalens.runtime.corpus;

/**
 * One cell where MTA moved much weight: {@code final} minus plain attention at (query, key) of one head of one
 * document, with a few tokens around the query and the key.
 *
 * @param document     the document's id
 * @param layer        layer
 * @param head         head
 * @param query        query (row)
 * @param key          key (column), at most {@code query}
 * @param plain        plain attention (softmax of {@code scores}) at the cell
 * @param finalWeight  the {@code final} weight at the cell, unclipped
 * @param queryContext the tokens around the query, the query in brackets
 * @param keyContext   the tokens around the key, the key in brackets
 */
public record TopCell(String document, int layer, int head, int query, int key, double plain, double finalWeight,
                      String queryContext, String keyContext) {
    /** @return {@code finalWeight - plain}: positive where MTA added weight */
    public double difference() {
        return finalWeight - plain;
    }

    /** The order of a head's top cells: largest |difference| first, then document, query, key (deterministic). */
    public static final java.util.Comparator<TopCell> LARGEST_FIRST = java.util.Comparator
            .comparingDouble((TopCell c) -> -Math.abs(c.difference())).thenComparing(TopCell::document)
            .thenComparingInt(TopCell::query).thenComparingInt(TopCell::key);
}
