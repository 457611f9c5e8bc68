package org.vivarium.api.context;

import org.vivarium.api.index.ContextRecord;

/**
 * A window of tokens around one firing, as display text with each token's character span.
 *
 * @param firing where the feature fired
 * @param from the window's first token position in the sequence
 * @param rendered the window's text and per-token spans (index 0 is token {@code from})
 */
public record ContextWindow(Firing firing, int from, TokenText.Rendered rendered) {

    /**
     * Returns the window's display text.
     *
     * @return the text
     */
    public String text() {
        return rendered.text();
    }

    /**
     * Returns the number of tokens in the window.
     *
     * @return the token count
     */
    public int length() {
        return rendered.starts().length;
    }

    /**
     * Returns the firing token's index within the window.
     *
     * @return {@code firing().pos() - from}
     */
    public int focus() {
        return firing.pos() - from;
    }

    /**
     * Returns the firing token's first character.
     *
     * @return the offset in {@link #text()}
     */
    public int spanStart() {
        return rendered.starts()[focus()];
    }

    /**
     * Returns the firing token's end character.
     *
     * @return the exclusive offset in {@link #text()}
     */
    public int spanEnd() {
        return rendered.ends()[focus()];
    }

    /**
     * Returns whether the firing token has text that can be marked (only those can go into the context index).
     *
     * @return true if its span is not empty
     */
    public boolean markable() {
        return spanEnd() > spanStart();
    }

    /**
     * Returns the firing token's text.
     *
     * @return the marked text
     */
    public String firingToken() {
        return text().substring(spanStart(), spanEnd());
    }

    /**
     * Builds the context-index record of this window.
     *
     * @param feature the feature id, e.g. {@code sae/L1/812}
     * @param model the model name
     * @param run the run id
     * @param hook the hook the activations come from
     * @param layer its layer
     * @return the record
     * @throws org.vivarium.api.VivariumException if the firing token has no text (check {@link #markable()})
     */
    public ContextRecord record(String feature, String model, String run, String hook, int layer) {
        return new ContextRecord(feature, text(), spanStart(), spanEnd(), firing.activation(), model, run, hook, layer);
    }
}
