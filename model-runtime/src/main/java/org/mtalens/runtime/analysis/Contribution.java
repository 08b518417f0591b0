package org.mtalens.runtime.analysis;

/**
 * One term of a cell's value: an input value times the weight that multiplied it.
 *
 * @param description what the term is, e.g. "query -1, key +2" or "from head 3"
 * @param query       the input cell's query (row), or the output's for head mixing
 * @param key         the input cell's key (column), or the output's for head mixing
 * @param sourceHead  the input's head
 * @param input       the input value (0 outside the map or for future keys)
 * @param weight      the kernel tap or mixing weight
 */
public record Contribution(String description, int query, int key, int sourceHead, float input, float weight) {
    /** @return input x weight */
    public double value() {
        return (double) input * weight;
    }
}
