package org.vivarium.organisms.card;

import java.util.Map;
import org.vivarium.api.audit.ClaimKind;

/**
 * One planted property of an organism.
 *
 * @param id a short name unique within the card, e.g. {@code trigger}, {@code emergent-misalignment}
 * @param kind the claim kind that can find it (the auditors' shared vocabulary)
 * @param location where it should be found, e.g. {@code blocks.0.attn head *} or a hook name
 * @param description a sentence a person can read
 * @param expected what a verifying measurement must reach, e.g. {@code triggered_rate_min=0.8}
 */
public record Planted(String id, ClaimKind kind, String location, String description, Map<String, String> expected) {
    /** Makes the map read-only. */
    public Planted {
        if (id == null || kind == null) {
            throw new IllegalArgumentException("a planted property needs an id and a kind");
        }
        expected = expected == null ? Map.of() : Map.copyOf(expected);
    }

    /**
     * Reads a number the card expects.
     *
     * @param key the key
     * @param fallback used when the card does not say
     * @return the number
     */
    public double number(String key, double fallback) {
        String v = expected.get(key);
        return v == null ? fallback : Double.parseDouble(v);
    }
}
