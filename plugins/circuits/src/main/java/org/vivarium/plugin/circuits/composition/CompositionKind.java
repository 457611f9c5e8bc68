package org.vivarium.plugin.circuits.composition;

import java.util.Locale;

/** How an earlier head's output feeds a later head (Elhage et al. 2021). */
public enum CompositionKind {
    /** Into the later head's queries: {@code W_OV^1 W_QK^2}. */
    Q,
    /** Into the later head's keys: {@code W_OV^1 (W_QK^2)^T}; induction heads K-compose with previous-token heads. */
    K,
    /** Into the later head's values: {@code W_OV^1 W_OV^2}. */
    V;

    /** @return {@code q}, {@code k} or {@code v} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
