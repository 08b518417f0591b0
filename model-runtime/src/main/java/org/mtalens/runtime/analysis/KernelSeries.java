package org.mtalens.runtime.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;

/**
 * The key-query kernels of a series of checkpoints of one run (e.g. training steps), head by head: per
 * checkpoint the taps, their distance from the identity initialisation and their {@link KernelPattern}.
 *
 * @param labels one per checkpoint, in series order (the checkpoint's folder name, e.g. {@code step-000200})
 * @param tracks one per layer/kind/head, layers in order, {@code mta_kernel} before {@code mta_kernel_after_sm}
 */
public record KernelSeries(List<String> labels, List<KernelTrack> tracks) {
    public static final String BEFORE_SOFTMAX = "mta_kernel";
    public static final String AFTER_SOFTMAX = "mta_kernel_after_sm";

    public KernelSeries {
        labels = List.copyOf(labels);
        tracks = List.copyOf(tracks);
    }

    /** Loads every checkpoint (folder, {@code consolidated/} or weights file), then {@link #of(List)}. */
    public static KernelSeries load(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new InvalidInputException("no checkpoints given: name at least one");
        }
        return of(paths.stream().map(CheckpointLoader::load).toList());
    }

    /**
     * @param checkpoints the series, in order; all of one run (the same tensor shapes and pad_key)
     * @throws InvalidInputException naming the first checkpoint whose shapes differ from the first one's, or when the
     *                               series has no key-query kernels
     */
    public static KernelSeries of(List<Checkpoint> checkpoints) {
        if (checkpoints.isEmpty()) {
            throw new InvalidInputException("no checkpoints given: name at least one");
        }
        Checkpoint first = checkpoints.get(0);
        checkpoints.forEach(c -> requireSameRun(first, c));
        List<KernelTrack> tracks = new ArrayList<>();
        for (LayerPlan plan : first.config().layerPlans()) {
            if (plan.preSoftmaxConv().isPresent()) {
                addTracks(tracks, checkpoints, plan.layer(), BEFORE_SOFTMAX);
            }
            if (plan.postSoftmaxConv().isPresent()) {
                addTracks(tracks, checkpoints, plan.layer(), AFTER_SOFTMAX);
            }
        }
        if (tracks.isEmpty()) {
            throw new InvalidInputException(first.source() + ": no key-query convolution kernels (no mta_layers with "
                    + "query/key kernel sizes): nothing to follow across checkpoints");
        }
        return new KernelSeries(checkpoints.stream().map(KernelSeries::label).toList(), tracks);
    }

    private static void addTracks(List<KernelTrack> tracks, List<Checkpoint> checkpoints, int layer, String kind) {
        int heads = checkpoints.get(0).config().nHeads();
        List<List<KernelSnapshot>> perHead = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            perHead.add(new ArrayList<>());
        }
        for (Checkpoint checkpoint : checkpoints) {
            List<HeadKernel> kernels = LayerKernels.read(checkpoint, layer, kind);
            for (int h = 0; h < heads; h++) {
                perHead.get(h).add(KernelSnapshot.of(kernels.get(h)));
            }
        }
        for (int h = 0; h < heads; h++) {
            tracks.add(new KernelTrack(layer, kind, h, perHead.get(h)));
        }
    }

    private static void requireSameRun(Checkpoint first, Checkpoint other) {
        ModelConfig a = first.config();
        ModelConfig b = other.config();
        String difference = shapeDifference(a.expectedTensorShapes(), b.expectedTensorShapes());
        if (difference == null && a.mta().padKey() != b.mta().padKey()) {
            difference = "pad_key " + b.mta().padKey().id() + " instead of " + a.mta().padKey().id();
        }
        if (difference != null) {
            throw new InvalidInputException(other.source() + ": not the same run as " + first.source() + ": "
                    + difference);
        }
    }

    /** @return the first tensor whose presence or shape differs, in words; null when none does */
    private static String shapeDifference(Map<String, long[]> expected, Map<String, long[]> actual) {
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            long[] shape = actual.get(e.getKey());
            if (shape == null) {
                return "it has no " + e.getKey();
            }
            if (!Arrays.equals(shape, e.getValue())) {
                return e.getKey() + " is " + Arrays.toString(shape) + " instead of " + Arrays.toString(e.getValue());
            }
        }
        for (String key : actual.keySet()) {
            if (!expected.containsKey(key)) {
                return "it has an extra " + key;
            }
        }
        return null;
    }

    /** @return the checkpoint's folder name ({@code consolidated/} skipped), else its file name */
    static String label(Checkpoint checkpoint) {
        Path folder = checkpoint.source().toAbsolutePath().normalize().getParent();
        if (folder != null && folder.getFileName() != null && folder.getFileName().toString().equals("consolidated")) {
            folder = folder.getParent();
        }
        return folder == null || folder.getFileName() == null
                ? checkpoint.source().getFileName().toString() : folder.getFileName().toString();
    }
}
