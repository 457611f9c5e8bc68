package org.vivarium.plugin.latentqa.eval;

import java.util.List;
import java.util.Locale;
import org.vivarium.api.audit.Split;

/**
 * The two held-out parts of an audit's three-way split ({@link Split}; the third part, fit, trains the decoder):
 * {@link #VALIDATION} is where the audit chooses (the domain a claim names), {@link #TEST} is where it reports the
 * chosen thing's numbers and decides whether a claim is supported.
 */
public enum Part {
    /** Chooses. */
    VALIDATION,
    /** Reports and decides. */
    TEST;

    /** @return {@code validation} or {@code test}, as metrics, evidence and tables name the part */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Deals a list by {@link Split#of}'s rule (in each block of four positions: two fit, one validation, one test).
     * Lists shorter than four are dealt by the same rule ({@code Split.of} itself needs four items), so one or two
     * items all fit and a third validates.
     *
     * @param items the list
     * @param <T> item type
     * @return {@code [fit, validation, test]}
     */
    public static <T> List<List<T>> deal(List<T> items) {
        Split s = Split.of(Math.max(4, items.size()));
        return List.of(s.fit(items), s.validation(items), s.test(items));
    }

    /**
     * Picks this part of a dealt list.
     *
     * @param dealt {@code [fit, validation, test]} from {@link #deal}
     * @param <T> item type
     * @return this part
     */
    public <T> List<T> of(List<List<T>> dealt) {
        return dealt.get(this == VALIDATION ? 1 : 2);
    }
}
