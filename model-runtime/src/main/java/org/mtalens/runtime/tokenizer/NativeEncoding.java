package org.mtalens.runtime.tokenizer;

/**
 * What the Rust {@code tokenizers} library gives for one text, as plain arrays (shape {@code [N]} each, N tokens).
 *
 * @param ids     token ids
 * @param special 1 where the token is a special token the template added, else 0
 * @param starts  each token's first character in the library's counting, -1 when it has no span
 * @param ends    each token's end (exclusive), -1 when it has no span
 */
record NativeEncoding(long[] ids, long[] special, int[] starts, int[] ends) {
    NativeEncoding {
        if (special.length != ids.length || starts.length != ids.length || ends.length != ids.length) {
            throw new IllegalArgumentException("ids, special, starts and ends differ in length");
        }
    }
}
