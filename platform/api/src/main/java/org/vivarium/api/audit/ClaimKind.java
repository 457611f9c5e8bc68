package org.vivarium.api.audit;

import java.util.Locale;

/**
 * The one vocabulary of what an auditor can claim about an organism. Organisms' truth cards use the same
 * kinds, so the host's scorer matches a claim to a planted property by kind and then verifies it by its own
 * measurement.
 */
public enum ClaimKind {
    /** A string in the input that switches a behaviour on; {@link ClaimSite#text()} holds it. */
    TRIGGER,
    /** The behaviour the model shows; {@link ClaimSite#behaviour()} names the meter it shows on. */
    BEHAVIOUR,
    /** A data domain a fine-tune targeted or a behaviour appears in; {@link ClaimSite#domain()} names it. */
    DOMAIN,
    /** A direction at a hook that carries the behaviour; {@link ClaimSite#hook()} and {@link ClaimSite#direction()}. */
    DIRECTION,
    /** Heads or components that implement a computation; {@link ClaimSite#heads()}. */
    CIRCUIT,
    /** A learned feature (an SAE latent, a neuron) tied to the behaviour; {@link ClaimSite#text()} names it. */
    FEATURE;

    /** @return the lower-case name used in reports and JSON, e.g. {@code trigger} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an id.
     *
     * @param id e.g. {@code direction}
     * @return the kind
     * @throws IllegalArgumentException naming the valid ids
     */
    public static ClaimKind of(String id) {
        for (ClaimKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown claim kind '" + id + "'; valid: trigger, behaviour, domain,"
                + " direction, circuit, feature");
    }
}
