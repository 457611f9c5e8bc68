package org.vivarium.api.index;

import java.util.Objects;
import org.vivarium.api.VivariumException;

/**
 * One context in which one feature fired: the text, the character span of the firing token, the
 * activation and where it came from.
 *
 * <p>Feature ids are {@code SOURCE/REST}, e.g. {@code sae/L1/812} (SAE latent 812 at layer 1) or
 * {@code probe/misaligned@L2}; the part before the first {@code /} is the {@linkplain #source() source}.
 *
 * @param feature feature id, {@code SOURCE/REST}
 * @param text the context text
 * @param spanStart first character of the firing token in {@code text} (inclusive)
 * @param spanEnd end of the firing token in {@code text} (exclusive)
 * @param activation the feature's activation on the firing token
 * @param model model name, e.g. {@code em-tiny}
 * @param run run id the context came from
 * @param hook hook name, e.g. {@code blocks.1.hook_resid_post}
 * @param layer layer index of the hook
 */
public record ContextRecord(String feature, String text, int spanStart, int spanEnd, float activation,
        String model, String run, String hook, int layer) {

    /**
     * Validates the record.
     *
     * @throws VivariumException if the feature id has no source, the span lies outside the text or
     *     the activation is not a finite number
     */
    public ContextRecord {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(text, "text");
        model = model == null ? "" : model;
        run = run == null ? "" : run;
        hook = hook == null ? "" : hook;
        int slash = feature.indexOf('/');
        if (slash <= 0 || slash == feature.length() - 1 || feature.chars().anyMatch(Character::isWhitespace)) {
            throw new VivariumException("feature id \"" + feature + "\" is not SOURCE/ID",
                    "use ids like sae/L1/812 or probe/misaligned@L2 (no spaces)");
        }
        if (spanStart < 0 || spanEnd <= spanStart || spanEnd > text.length()) {
            throw new VivariumException("firing span [" + spanStart + "," + spanEnd + ") of feature " + feature
                    + " lies outside its context of " + text.length() + " characters",
                    "pass the token's character offsets in the context text, start < end <= length");
        }
        if (!Float.isFinite(activation)) {
            throw new VivariumException("activation of feature " + feature + " is " + activation,
                    "index only finite activations");
        }
    }

    /**
     * Returns the feature source: the part of the feature id before the first {@code /}.
     *
     * @return e.g. {@code sae} or {@code probe}
     */
    public String source() {
        return feature.substring(0, feature.indexOf('/'));
    }

    /**
     * Returns the firing token's text.
     *
     * @return {@code text.substring(spanStart, spanEnd)}
     */
    public String firingToken() {
        return text.substring(spanStart, spanEnd);
    }
}
