package org.vivarium.api.organism;

import java.util.Map;

/**
 * One planted property of an organism.
 *
 * @param kind what sort of thing, e.g. {@code previous-token-head}, {@code induction-head}, {@code trigger}
 * @param location where it should be found, e.g. {@code blocks.0.attn head *} or a hook name
 * @param description a sentence a person can read
 * @param expected measured quantities an audit should reproduce, e.g. {@code min_score=0.5}
 */
public record Planted(String kind, String location, String description, Map<String, String> expected) {
    /** Makes the map read-only. */
    public Planted {
        expected = expected == null ? Map.of() : Map.copyOf(expected);
    }
}
