package org.vivarium.cycle.hen;

import org.vivarium.cycle.egg.Egg;

/** Half of a package cycle, for {@link org.vivarium.architecture.RulesCatchViolationsTest}: a hen lays an egg. */
public final class Hen {
    private Hen() {
    }

    /** @return an egg, so {@code hen} depends on {@code egg} */
    public static Egg lay() {
        Egg.hatch();
        return null;
    }
}
