package org.mtalens.runtime.model;

import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.config.ModelConfig;

/**
 * What every layer of one pass shares: the rotary tables for its positions, its query blocks and their causal
 * masks (made once per block, used by every layer). Lives as long as {@code manager}.
 */
final class ForwardContext {
    private final NDManager manager;
    private final int tokens;
    private final int heads;
    private final float scoreScale;
    private final RotaryEmbedding rope;
    private final Map<QueryBlock, BlockMask> masks = new HashMap<>();

    private ForwardContext(NDManager manager, int tokens, ModelConfig config) {
        this.manager = manager;
        this.tokens = tokens;
        this.heads = config.nHeads();
        this.scoreScale = (float) (1.0 / Math.sqrt(config.headDim()));
        this.rope = new RotaryEmbedding(manager, tokens, config.headDim(), config.ropeTheta());
    }

    /** @param positions T: the pass covers positions 0..T-1 (a generation: every position it will reach) */
    static ForwardContext of(NDManager manager, int positions, ModelConfig config) {
        return new ForwardContext(manager, positions, config);
    }

    RotaryEmbedding rope() {
        return rope;
    }

    /** @return the query blocks of a whole pass over T tokens for a layer whose convolutions read {@code halo} rows up */
    List<QueryBlock> blocks(int halo) {
        return QueryBlock.partition(tokens, heads, halo);
    }

    /** @return the block's masks, shared by every layer of the pass */
    BlockMask mask(QueryBlock block) {
        return masks.computeIfAbsent(block, b -> new BlockMask(manager, b, scoreScale));
    }

    /** @return masks for a one-off block (a generation step), living on {@code owner} */
    BlockMask maskOn(NDManager owner, QueryBlock block) {
        return new BlockMask(owner, block, scoreScale);
    }
}
