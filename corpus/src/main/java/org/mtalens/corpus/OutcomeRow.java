package org.mtalens.corpus;

import java.io.Serializable;
import java.util.List;

/** What became of one document, as a Spark row: its tokens, labels, statistics and top cells, or why it failed. */
public class OutcomeRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String id;
    private String failure;
    private int[] tokens;
    private List<String> labels;
    private List<HeadStatisticsRow> heads;
    private List<TopCellRow> cells;

    public OutcomeRow() {
    }

    /** @return the row of a runtime outcome */
    public static OutcomeRow of(org.mtalens.runtime.corpus.DocumentOutcome outcome) {
        OutcomeRow row = new OutcomeRow();
        row.id = outcome.id();
        row.failure = outcome.failure();
        row.tokens = outcome.tokens();
        row.labels = new java.util.ArrayList<>(outcome.labels());
        row.heads = outcome.failed() ? List.of() : outcome.statistics().heads().stream().map(HeadStatisticsRow::of).toList();
        row.cells = outcome.failed() ? List.of() : outcome.statistics().cells().stream().map(TopCellRow::of).toList();
        return row;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFailure() {
        return failure;
    }

    public void setFailure(String failure) {
        this.failure = failure;
    }

    public int[] getTokens() {
        return tokens;
    }

    public void setTokens(int[] tokens) {
        this.tokens = tokens;
    }

    public List<String> getLabels() {
        return labels;
    }

    public void setLabels(List<String> labels) {
        this.labels = labels;
    }

    public List<HeadStatisticsRow> getHeads() {
        return heads;
    }

    public void setHeads(List<HeadStatisticsRow> heads) {
        this.heads = heads;
    }

    public List<TopCellRow> getCells() {
        return cells;
    }

    public void setCells(List<TopCellRow> cells) {
        this.cells = cells;
    }
}
