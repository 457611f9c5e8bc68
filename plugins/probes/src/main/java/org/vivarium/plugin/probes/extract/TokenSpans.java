package org.vivarium.plugin.probes.extract;

import org.vivarium.api.model.Tokenizer;

/**
 * A display text for a token sequence plus each token's character span in it. When the tokens' texts
 * concatenate to the decoded text (character tokenizers) that is the display text; otherwise the token
 * texts are joined with spaces.
 *
 * @param text the display text
 * @param start first character of each token (inclusive)
 * @param end end of each token (exclusive); equals {@code start} for tokens with no text
 */
public record TokenSpans(String text, int[] start, int[] end) {

    /**
     * Builds the spans.
     *
     * @param tokenizer the model's tokenizer
     * @param ids token ids
     * @return the display text and spans
     */
    public static TokenSpans of(Tokenizer tokenizer, int[] ids) {
        String[] pieces = new String[ids.length];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            pieces[i] = tokenizer.tokenText(ids[i]);
            joined.append(pieces[i]);
        }
        boolean concatenates = joined.toString().equals(tokenizer.decode(ids));
        StringBuilder text = new StringBuilder();
        int[] start = new int[ids.length];
        int[] end = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (!concatenates && i > 0) {
                text.append(' ');
            }
            start[i] = text.length();
            text.append(pieces[i]);
            end[i] = text.length();
        }
        return new TokenSpans(text.toString(), start, end);
    }

    /**
     * Returns whether a token has a non-empty span (only those can be marked in the context index).
     *
     * @param token the token index
     * @return true if {@code end > start}
     */
    public boolean markable(int token) {
        return end[token] > start[token];
    }
}
