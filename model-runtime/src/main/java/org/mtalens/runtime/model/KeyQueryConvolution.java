package org.mtalens.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.mtalens.runtime.config.PadKey;

/**
 * MTA's key-query convolution: a depthwise 2-D cross-correlation of each head's map with its own
 * c_q x c_k kernel. Queries are padded by c_q-1 on the past side only (kernel row c_q-1 is the
 * current query); keys per {@link PadKey}. The input's future entries must already be 0.
 * On the CPU without gradients the causal triangle is convolved in Java ({@link CausalKeyQueryConv});
 * otherwise (training, GPU) PyTorch's depthwise conv2d runs.
 */
final class KeyQueryConvolution {
    private KeyQueryConvolution() {
    }

    /**
     * @param maps   [B, H, T, T] scores or weights with future entries 0
     * @param kernel [H, 1, c_q, c_k]
     * @return [B, H, T, T] convolved maps (future entries hold whatever the kernel produced, or 0)
     */
    static NDArray apply(NDArray maps, NDArray kernel, PadKey padKey) {
        if (CausalKeyQueryConv.handles(maps, kernel)) {
            return CausalKeyQueryConv.apply(maps, kernel, padKey);
        }
        return withTorch(maps, kernel, padKey);
    }

    /**
     * As {@link #apply}, on a block of query rows, for a caller that is done with {@code maps}: the result may be
     * {@code maps} itself, its memory reused (the Java path), so {@code maps} must not be read afterwards, and
     * closed only if it is not the result.
     *
     * @param maps       [B, H, R, S] queries firstQuery..firstQuery+R-1 over keys 0..S-1, future entries 0; rows
     *                   before the block are taken as 0
     * @param keep       [R, S] 1 where key <= query, 0 for future keys, to re-mask the result with; or null to
     *                   leave its future entries as they come
     * @param firstQuery the query of row 0
     */
    static NDArray replacing(NDArray maps, NDArray kernel, PadKey padKey, NDArray keep, int firstQuery) {
        if (CausalKeyQueryConv.handles(maps, kernel)) {
            return CausalKeyQueryConv.applyInPlace(maps, kernel, padKey, firstQuery); // future entries are 0 already
        }
        NDArray out = withTorch(maps, kernel, padKey);
        return keep == null ? out : out.muli(keep); // re-masked in place: no new map
    }

    /** PyTorch's depthwise conv2d on the padded maps (differentiable; any device). @see #apply */
    static NDArray withTorch(NDArray maps, NDArray kernel, PadKey padKey) {
        Shape k = kernel.getShape();
        int heads = (int) k.get(0);
        int queryTaps = (int) k.get(2);
        int keyTaps = (int) k.get(3);
        int left = padKey.leftPadding(keyTaps);
        int right = keyTaps - 1 - left;
        // padding pairs from the last axis: keys (left, right), then queries (c_q-1 before, 0 after)
        NDArray padded = maps.pad(new Shape(left, right, queryTaps - 1, 0), 0f); // [B, H, R+c_q-1, S+c_k-1]
        NDArray out = Conv2d.conv2d(padded, kernel, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), heads)
                .singletonOrThrow(); // [B, H, R, S]
        padded.close();
        return out;
    }
}
