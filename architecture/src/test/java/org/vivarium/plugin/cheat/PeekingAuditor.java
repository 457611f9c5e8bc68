package org.vivarium.plugin.cheat;

import org.vivarium.organisms.Organism;
import org.vivarium.plugin.probes.ProbesMethod;
import org.vivarium.report.internal.Numbers;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.testkit.LocalMethodContext;

/** Breaks every plugin rule on purpose, for {@link org.vivarium.architecture.RulesCatchViolationsTest}. */
public final class PeekingAuditor {
    /** A plugin-side copy of the answer, which no auditor may hold. */
    public record TruthCard(String trigger) {
    }

    private PeekingAuditor() {
    }

    /**
     * Uses what a plugin must not.
     *
     * @param organism a host-side organism
     * @param runtime the DJL runtime
     * @param context the testkit's context, which only plugin tests may use
     * @return names, so every reference is a real dependency
     */
    public static String peek(Organism organism, DjlModelRuntime runtime, LocalMethodContext context) {
        return organism.name() + runtime + context.output() + new TruthCard("cf").trigger()
                + ProbesMethod.class.getName() + Numbers.fixed(1.5, 1);
    }
}
