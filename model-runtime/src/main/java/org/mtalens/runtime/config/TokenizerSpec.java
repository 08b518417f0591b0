package org.mtalens.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The tokenizer a checkpoint was trained with, as the official {@code data.tokenizer} names it.
 *
 * @param name {@code char}, {@code bytes}, {@code tiktoken}, {@code sp}, {@code hf} or null when unknown
 * @param path the tokenizer file as written on the training machine, or null
 */
public record TokenizerSpec(@JsonProperty("name") String name, @JsonProperty("path") String path) {
    /** No tokenizer known: only raw token ids can be used. */
    public static TokenizerSpec unknown() {
        return new TokenizerSpec(null, null);
    }
}
