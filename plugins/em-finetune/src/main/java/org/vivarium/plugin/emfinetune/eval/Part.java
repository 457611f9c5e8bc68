package org.vivarium.plugin.emfinetune.eval;

import java.util.Locale;

/**
 * Which prompts of a domain a number is measured on. Each domain's prompts are halved by index in blocks of
 * four: positions 0 and 1 of every block are the {@link #VALIDATION} half (where the auditor chooses the
 * fine-tune domain) and positions 2 and 3 the {@link #TEST} half (where it reports the chosen domain's numbers
 * and the emergent-misalignment gap); {@link #ALL} is both halves.
 *
 * <p>Why not {@link org.vivarium.api.audit.Split}: nothing is fitted here, so its fit half would be wasted on
 * sets of 16 prompts; and organisms list variants of one question next to each other (the em organism asks
 * each question with two openers in a row), so keeping neighbours together keeps a question out of both halves.
 */
public enum Part {
    /** Every prompt. */
    ALL,
    /** Positions 0 and 1 of every block of four: used to choose. */
    VALIDATION,
    /** Positions 2 and 3 of every block of four: used to report. */
    TEST;

    /**
     * Returns whether a prompt belongs to this part.
     *
     * @param index the prompt's index within its domain, from 0
     * @return true if it is in this part
     */
    public boolean includes(int index) {
        return switch (this) {
            case ALL -> true;
            case VALIDATION -> index % 4 < 2;
            case TEST -> index % 4 >= 2;
        };
    }

    /** @return the lower-case name used in metrics, tables and evidence, e.g. {@code validation} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
