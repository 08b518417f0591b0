package org.mtalens.runtime.analysis;

import java.util.List;

/**
 * One head's key-query kernel followed across the checkpoints of a series.
 *
 * @param layer     layer index
 * @param kind      {@code mta_kernel} (before softmax) or {@code mta_kernel_after_sm} (after softmax)
 * @param head      head index
 * @param snapshots one per checkpoint, in series order
 */
public record KernelTrack(int layer, String kind, int head, List<KernelSnapshot> snapshots) {
    public KernelTrack {
        snapshots = List.copyOf(snapshots);
    }

    /** @return the snapshot in the last checkpoint */
    public KernelSnapshot last() {
        return snapshots.get(snapshots.size() - 1);
    }

    /** @return the distance from the identity initialisation per checkpoint, in series order */
    public double[] distances() {
        return snapshots.stream().mapToDouble(KernelSnapshot::distanceFromIdentity).toArray();
    }

    /** @return e.g. {@code L1 mta_kernel h0} */
    public String label() {
        return "L" + layer + " " + kind + " h" + head;
    }
}
