package org.mtalens.runtime.tokenizer;

/**
 * The Rust {@code tokenizers} library behind DJL, for one {@code tokenizer.json}: in this process
 * ({@link InProcessNativeTokenizer}) or in a child process whose death or hang becomes a message
 * ({@link TokenizerProcess}).
 */
interface NativeTokenizer {
    /**
     * @throws org.mtalens.runtime.InvalidInputException naming the file when the library cannot encode the
     *     text, crashes or does not finish
     */
    NativeEncoding encode(String text, boolean addSpecialTokens);

    /** Decodes ids the caller checked against the vocabulary, special tokens kept. */
    String decode(long[] ids);
}
