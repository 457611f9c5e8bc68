package org.vivarium.plugin.sae.dash;

import org.vivarium.api.context.ContextWindow;

/**
 * One top-activating context of a latent: a window of tokens around the firing token, as display text
 * with each token's character span and the latent's activation on it.
 *
 * @param seq the sequence (prompt) index
 * @param pos the firing token's position in the sequence
 * @param activation the latent's activation on the firing token
 * @param text the window's display text
 * @param firing index of the firing token within the window
 * @param starts each window token's first character in {@code text}
 * @param ends each window token's end character in {@code text}
 * @param tokenActs the latent's activation on each window token
 */
public record ContextView(int seq, int pos, float activation, String text, int firing, int[] starts, int[] ends,
        float[] tokenActs) {

    /**
     * Shows one context window with the latent's activation on each of its tokens.
     *
     * @param w the window from the shared context extractor
     * @param tokenActs the latent's activation per window token
     * @return the view
     */
    static ContextView of(ContextWindow w, float[] tokenActs) {
        return new ContextView(w.firing().seq(), w.firing().pos(), w.firing().activation(), w.text(), w.focus(),
                w.rendered().starts(), w.rendered().ends(), tokenActs);
    }

    /** @return first character of the firing token */
    public int spanStart() {
        return starts[firing];
    }

    /** @return end character of the firing token */
    public int spanEnd() {
        return ends[firing];
    }

    /** @return the firing token's text */
    public String firingToken() {
        return text.substring(spanStart(), spanEnd());
    }
}
