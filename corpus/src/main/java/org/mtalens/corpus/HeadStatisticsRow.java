package org.mtalens.corpus;

import java.io.Serializable;

/** One head's statistics on one document, as a Spark row (the fields of the runtime's {@code HeadStatistics}). */
public class HeadStatisticsRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private int layer;
    private int head;
    private double mtaChange;
    private double clippedShare;
    private double softmaxEntropy;
    private double finalEntropy;
    private double meanDistance;
    private double sinkMass;
    private double negativeShare;
    private double targetMass;

    public HeadStatisticsRow() {
    }

    /** @return the row of a runtime record */
    public static HeadStatisticsRow of(org.mtalens.runtime.corpus.HeadStatistics s) {
        HeadStatisticsRow row = new HeadStatisticsRow();
        row.layer = s.layer();
        row.head = s.head();
        row.mtaChange = s.mtaChange();
        row.clippedShare = s.clippedShare();
        row.softmaxEntropy = s.softmaxEntropy();
        row.finalEntropy = s.finalEntropy();
        row.meanDistance = s.meanDistance();
        row.sinkMass = s.sinkMass();
        row.negativeShare = s.negativeShare();
        row.targetMass = s.targetMass();
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

    public double getMtaChange() {
        return mtaChange;
    }

    public void setMtaChange(double mtaChange) {
        this.mtaChange = mtaChange;
    }

    public double getClippedShare() {
        return clippedShare;
    }

    public void setClippedShare(double clippedShare) {
        this.clippedShare = clippedShare;
    }

    public double getSoftmaxEntropy() {
        return softmaxEntropy;
    }

    public void setSoftmaxEntropy(double softmaxEntropy) {
        this.softmaxEntropy = softmaxEntropy;
    }

    public double getFinalEntropy() {
        return finalEntropy;
    }

    public void setFinalEntropy(double finalEntropy) {
        this.finalEntropy = finalEntropy;
    }

    public double getMeanDistance() {
        return meanDistance;
    }

    public void setMeanDistance(double meanDistance) {
        this.meanDistance = meanDistance;
    }

    public double getSinkMass() {
        return sinkMass;
    }

    public void setSinkMass(double sinkMass) {
        this.sinkMass = sinkMass;
    }

    public double getNegativeShare() {
        return negativeShare;
    }

    public void setNegativeShare(double negativeShare) {
        this.negativeShare = negativeShare;
    }

    public double getTargetMass() {
        return targetMass;
    }

    public void setTargetMass(double targetMass) {
        this.targetMass = targetMass;
    }
}
