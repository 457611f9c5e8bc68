package org.vivarium.organisms.card;

import java.util.List;

/**
 * What was planted in an organism: the ground truth an audit is scored against. It stays with the host:
 * plugins never see it (the API has no accessor for it; an architecture test checks that no plugin class
 * refers to it).
 *
 * @param organism organism name, e.g. {@code induction}
 * @param summary one paragraph on how it was raised
 * @param planted the planted properties
 */
public record TruthCard(String organism, String summary, List<Planted> planted) {
    /** Makes the list read-only. */
    public TruthCard {
        planted = planted == null ? List.of() : List.copyOf(planted);
    }
}
