/**
 * The MTA forward pass over DJL arrays, traces and replays.
 *
 * <p>Reading order: {@link org.mtalens.runtime.model.MtaTransformer} (the decoder: embedding, blocks, norm,
 * logits), {@link org.mtalens.runtime.model.MtaAttention} (one layer's attention, query block by query block),
 * {@link org.mtalens.runtime.model.AttentionStages} (the stages of one block in the paper's order), then the
 * operations they call ({@link org.mtalens.runtime.model.KeyQueryConvolution},
 * {@link org.mtalens.runtime.model.HeadMixing}). {@link org.mtalens.runtime.model.ModelRunner} runs a loaded
 * checkpoint: {@link org.mtalens.runtime.model.Trace traces} (one pass keeping each layer's input), replays of one
 * layer from its input, logits of chosen positions, greedy generation with a cache.
 *
 * <p>Dimension legend, used in every shape comment: B batch, L layers, H heads, K key/value heads, T tokens,
 * R query rows of a block (its halo included), S keys of a block, D model dim, E head dim, F feed-forward dim,
 * V vocabulary, G head groups of c heads.
 */
package org.mtalens.runtime.model;
