package org.vivarium.cycle.egg;

import org.vivarium.cycle.hen.Hen;

/** The other half of a package cycle, for {@link org.vivarium.architecture.RulesCatchViolationsTest}. */
public final class Egg {
    private Egg() {
    }

    /** @return a hen, so {@code egg} depends on {@code hen} */
    public static Hen hatch() {
        return null;
    }
}
