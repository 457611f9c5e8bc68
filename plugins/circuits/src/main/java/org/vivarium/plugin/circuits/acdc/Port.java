package org.vivarium.plugin.circuits.acdc;

import java.util.Locale;

/** Where an edge enters its receiver: a head's query, key or value input, or an MLP's or the logits' input. */
public enum Port {
    /** A head's query input. */
    Q,
    /** A head's key input. */
    K,
    /** A head's value input. */
    V,
    /** The whole input of an MLP or of the logits. */
    IN;

    /** @return {@code q}, {@code k}, {@code v} or {@code in} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
