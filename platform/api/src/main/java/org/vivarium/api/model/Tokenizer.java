package org.vivarium.api.model;

import org.osgi.annotation.versioning.ProviderType;

/** Maps text to token ids and back; every checkpoint carries its own. */
@ProviderType
public interface Tokenizer {
    /**
     * Encodes text.
     *
     * @param text the input
     * @return token ids
     */
    int[] encode(String text);

    /**
     * Encodes text that continues an already encoded sequence, e.g. a completion after its prompt: without the
     * special tokens a tokenizer puts around a whole sequence (a Llama-style BOS), so that {@code encode(prompt)}
     * followed by {@code encodeContinuation(completion)} is {@code BOS prompt completion}, never
     * {@code BOS prompt BOS completion}. Tokenizers that add no special tokens encode as {@link #encode}.
     *
     * @param text the continuation
     * @return token ids, without special tokens
     */
    default int[] encodeContinuation(String text) {
        return encode(text);
    }

    /**
     * Decodes ids.
     *
     * @param ids token ids
     * @return the text
     */
    String decode(int[] ids);

    /**
     * Returns the text of one token, for display.
     *
     * @param id token id
     * @return its text
     */
    String tokenText(int id);

    /** @return the vocabulary size */
    int vocabSize();

    /** @return a short kind name, e.g. {@code char} or {@code symbol} */
    String kind();
}
