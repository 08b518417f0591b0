package org.mtalens.runtime.parity;

import java.util.Comparator;
import java.util.List;

/**
 * One fixture's comparison: every float array of its {@code maps.npz} against MTA Lens's run.
 *
 * @param fixture    the fixture's name
 * @param checkpoint the checkpoint layout that was loaded
 * @param tokens     T, the input length
 * @param device     where MTA Lens ran, e.g. {@code gpu(0)}
 * @param arrays     one comparison per reference array, in the reference's order
 */
public record FixtureParity(String fixture, String checkpoint, int tokens, String device, List<ArrayParity> arrays) {
    public FixtureParity {
        arrays = List.copyOf(arrays);
    }

    /** @return the arrays outside {@code tolerance} (or not produced), in the reference's order */
    public List<ArrayParity> failures(double tolerance) {
        return arrays.stream().filter(a -> !a.within(tolerance)).toList();
    }

    /** @return the array with the largest difference */
    public ArrayParity worst() {
        return arrays.stream().max(Comparator.comparingDouble(ArrayParity::maxAbsDiff)).orElseThrow();
    }
}
