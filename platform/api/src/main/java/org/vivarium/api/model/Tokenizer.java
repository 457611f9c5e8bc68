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
