package org.mtalens.corpus;

import java.io.Serializable;
import org.mtalens.runtime.corpus.CorpusDocument;
import org.mtalens.runtime.corpus.TargetBlock;

/** A corpus document as a Spark row (a Java bean): text or token ids, and the find-the-block target if any. */
public class DocumentRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String id;
    private String text;
    private int[] tokens;
    private Integer answerQuery;
    private Integer targetStart;
    private Integer targetEnd;

    public DocumentRow() {
    }

    /** @return the row of a document */
    public static DocumentRow of(CorpusDocument document) {
        DocumentRow row = new DocumentRow();
        row.id = document.id();
        row.text = document.text();
        row.tokens = document.tokens();
        document.targetBlock().ifPresent(t -> {
            row.answerQuery = t.answerQuery();
            row.targetStart = t.start();
            row.targetEnd = t.end();
        });
        return row;
    }

    /** @return the document again */
    public CorpusDocument document() {
        TargetBlock target = answerQuery == null ? null : new TargetBlock(answerQuery, targetStart, targetEnd);
        return text != null ? CorpusDocument.ofText(id, text, id) : CorpusDocument.ofTokens(id, tokens, target, id);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public int[] getTokens() {
        return tokens;
    }

    public void setTokens(int[] tokens) {
        this.tokens = tokens;
    }

    public Integer getAnswerQuery() {
        return answerQuery;
    }

    public void setAnswerQuery(Integer answerQuery) {
        this.answerQuery = answerQuery;
    }

    public Integer getTargetStart() {
        return targetStart;
    }

    public void setTargetStart(Integer targetStart) {
        this.targetStart = targetStart;
    }

    public Integer getTargetEnd() {
        return targetEnd;
    }

    public void setTargetEnd(Integer targetEnd) {
        this.targetEnd = targetEnd;
    }
}
