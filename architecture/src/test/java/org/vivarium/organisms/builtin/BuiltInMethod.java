package org.vivarium.organisms.builtin;

import org.vivarium.plugin.probes.ProbesMethod;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * An organism-side class that uses a plugin and the DJL runtime, for
 * {@link org.vivarium.architecture.RulesCatchViolationsTest}.
 */
public final class BuiltInMethod {
    private BuiltInMethod() {
    }

    /** @return a plugin's class name, so the reference is a real dependency */
    public static String method() {
        return ProbesMethod.class.getName();
    }

    /** @return the runtime's class name, so the reference is a real dependency */
    public static String runtime() {
        return DjlModelRuntime.class.getName();
    }
}
