package org.vivarium.plugin.lorainterp.contexts;

import java.util.Arrays;
import org.vivarium.api.model.Tokenizer;

/**
 * A window of display text around one token, and that token's character span in it. When the tokens' texts
 * concatenate to the decoded text (character tokenizers) that is the display text; otherwise token texts are
 * joined with spaces.
 *
 * @param text the window's text
 * @param spanStart first character of the firing token
 * @param spanEnd end of the firing token (exclusive); equals {@code spanStart} if the token has no text
 */
public record ContextWindow(String text, int spanStart, int spanEnd) {

    /**
     * Builds the window.
     *
     * @param tokenizer the model's tokenizer
     * @param ids the prompt's token ids
     * @param token the firing token's position
     * @param radius tokens kept on each side
     * @return the window
     */
    public static ContextWindow around(Tokenizer tokenizer, int[] ids, int token, int radius) {
        int lo = Math.max(0, token - radius);
        int hi = Math.min(ids.length, token + radius + 1);
        int[] window = Arrays.copyOfRange(ids, lo, hi);
        String[] pieces = new String[window.length];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < window.length; i++) {
            pieces[i] = tokenizer.tokenText(window[i]);
            joined.append(pieces[i]);
        }
        boolean concatenates = joined.toString().equals(tokenizer.decode(window));
        StringBuilder text = new StringBuilder();
        int start = 0;
        int end = 0;
        for (int i = 0; i < window.length; i++) {
            if (!concatenates && i > 0) {
                text.append(' ');
            }
            if (lo + i == token) {
                start = text.length();
            }
            text.append(pieces[i]);
            if (lo + i == token) {
                end = text.length();
            }
        }
        return new ContextWindow(text.toString(), start, end);
    }

    /** @return whether the firing token has text that can be marked */
    public boolean markable() {
        return spanEnd > spanStart;
    }
}
