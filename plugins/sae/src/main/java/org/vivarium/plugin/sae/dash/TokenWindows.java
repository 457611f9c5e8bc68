package org.vivarium.plugin.sae.dash;

import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;

/**
 * Token ids of the run's prompts (prompt {@code i} is cached sequence {@code i}) and the display text of
 * token windows. When a tokenizer's token texts concatenate to the decoded text (character tokenizers),
 * windows read as the original text; otherwise token texts are joined with spaces.
 */
final class TokenWindows {
    private final Tokenizer tokenizer;
    private final int[][] tokens;
    private final int left;
    private final int right;

    /**
     * @param tokenizer the model's tokenizer
     * @param tokens token ids per sequence
     * @param left tokens shown before the firing token
     * @param right tokens shown after it
     */
    TokenWindows(Tokenizer tokenizer, int[][] tokens, int left, int right) {
        this.tokenizer = tokenizer;
        this.tokens = tokens;
        this.left = left;
        this.right = right;
    }

    /** @return the number of sequences */
    int sequences() {
        return tokens.length;
    }

    /**
     * Returns the window {@code [from, to)} around a token.
     *
     * @param seq the sequence
     * @param pos the firing position
     * @return {from, to}
     * @throws VivariumException if the position lies outside the prompt (prompt file and run disagree)
     */
    int[] range(int seq, int pos) {
        if (seq < 0 || seq >= tokens.length || pos >= tokens[seq].length) {
            throw new VivariumException("cached row (sequence " + seq + ", position " + pos + ") lies outside the "
                    + "prompts (" + tokens.length + " prompts" + (seq >= 0 && seq < tokens.length ? ", this one has "
                    + tokens[seq].length + " tokens" : "") + ")", "pass the --prompts file and --checkpoint the run "
                    + "was cached with");
        }
        return new int[] {Math.max(0, pos - left), Math.min(tokens[seq].length, pos + right + 1)};
    }

    /**
     * Builds the display of one window.
     *
     * @param seq the sequence
     * @param pos the firing position
     * @param activation the activation there
     * @param tokenActs the latent's activation per window token
     * @return the view
     */
    ContextView view(int seq, int pos, float activation, float[] tokenActs) {
        int[] r = range(seq, pos);
        int n = r[1] - r[0];
        String[] pieces = new String[n];
        StringBuilder joined = new StringBuilder();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = tokens[seq][r[0] + i];
            pieces[i] = tokenizer.tokenText(ids[i]);
            joined.append(pieces[i]);
        }
        boolean concatenates = joined.toString().equals(tokenizer.decode(ids));
        StringBuilder text = new StringBuilder();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            if (!concatenates && i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(pieces[i]);
            ends[i] = text.length();
        }
        return new ContextView(seq, pos, activation, text.toString(), pos - r[0], starts, ends, tokenActs);
    }
}
