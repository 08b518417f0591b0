package org.mtalens.corpus;

import java.io.Serializable;

/** One top cell of one head on one document, as a Spark row (the runtime's {@code TopCell}). */
public class TopCellRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private int layer;
    private int head;
    private int query;
    private int key;
    private double plain;
    private double finalWeight;
    private double difference;
    private String queryContext;
    private String keyContext;

    public TopCellRow() {
    }

    /** @return the row of a runtime record */
    public static TopCellRow of(org.mtalens.runtime.corpus.TopCell c) {
        TopCellRow row = new TopCellRow();
        row.layer = c.layer();
        row.head = c.head();
        row.query = c.query();
        row.key = c.key();
        row.plain = c.plain();
        row.finalWeight = c.finalWeight();
        row.difference = c.difference();
        row.queryContext = c.queryContext();
        row.keyContext = c.keyContext();
        return row;
    }

    public int getLayer() {
        return layer;
    }

    public void setLayer(int layer) {
        this.layer = layer;
    }

    public int getHead() {
        return head;
    }

    public void setHead(int head) {
        this.head = head;
    }

    public int getQuery() {
        return query;
    }

    public void setQuery(int query) {
        this.query = query;
    }

    public int getKey() {
        return key;
    }

    public void setKey(int key) {
        this.key = key;
    }

    public double getPlain() {
        return plain;
    }

    public void setPlain(double plain) {
        this.plain = plain;
    }

    public double getFinalWeight() {
        return finalWeight;
    }

    public void setFinalWeight(double finalWeight) {
        this.finalWeight = finalWeight;
    }

    public double getDifference() {
        return difference;
    }

    public void setDifference(double difference) {
        this.difference = difference;
    }

    public String getQueryContext() {
        return queryContext;
    }

    public void setQueryContext(String queryContext) {
        this.queryContext = queryContext;
    }

    public String getKeyContext() {
        return keyContext;
    }

    public void setKeyContext(String keyContext) {
        this.keyContext = keyContext;
    }
}
