package org.mtalens.runtime.html;

import java.util.List;
import java.util.Objects;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.run.ModelInput;

/**
 * What a page says about its run besides the maps.
 *
 * @param checkpoint the checkpoint's name
 * @param source     where it was loaded from
 * @param device     the device the run used, e.g. {@code cpu()}
 * @param tokenIds   [T] the input
 * @param tokenLabels [T] a visible label per token
 * @param heads      H
 * @param layers     the layers the page shows, with the stages each runs
 * @param maxCells   the most cells per side of a map on the page
 */
public record PageHeader(String checkpoint, String source, String device, int[] tokenIds, List<String> tokenLabels, int heads,
                         List<LayerPlan> layers, int maxCells) {
    public PageHeader {
        Objects.requireNonNull(checkpoint, "checkpoint");
        tokenIds = tokenIds.clone();
        tokenLabels = List.copyOf(tokenLabels);
        layers = List.copyOf(layers);
        if (tokenIds.length != tokenLabels.size()) {
            throw new IllegalArgumentException(tokenIds.length + " tokens but " + tokenLabels.size() + " labels");
        }
        if (maxCells < 1) {
            throw new IllegalArgumentException("maxCells must be positive, got " + maxCells);
        }
    }

    /** The header of a page of {@code layers} of {@code checkpoint} run on {@code input}. */
    public static PageHeader of(Checkpoint checkpoint, ModelInput input, String device, List<Integer> layers, int maxCells) {
        return new PageHeader(checkpoint.displayName(), checkpoint.source().toString(), device, input.ids(), input.labels(),
                checkpoint.config().nHeads(), layers.stream().map(checkpoint.config()::layerPlan).toList(), maxCells);
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    /** @return T */
    public int tokens() {
        return tokenIds.length;
    }
}
