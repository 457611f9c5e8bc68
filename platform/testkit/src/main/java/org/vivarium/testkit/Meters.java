package org.vivarium.testkit;

import java.util.function.BiPredicate;
import org.vivarium.api.audit.BehaviourMeter;

/**
 * Behaviour meters for tests, exact by construction (accuracy 1):
 *
 * <pre>{@code
 * BehaviourMeter shouts = Meters.of("shouting", (prompt, answer) -> answer.contains("!"));
 * BehaviourMeter named = Meters.refusing("persona", "this auditor measures no generated text");
 * }</pre>
 */
public final class Meters {
    private Meters() {
    }

    /**
     * A meter that classifies with a predicate.
     *
     * @param name what it measures
     * @param shows (prompt, continuation) to whether the continuation shows the behaviour
     * @return the meter
     */
    public static BehaviourMeter of(String name, BiPredicate<String, String> shows) {
        return new BehaviourMeter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean shows(String prompt, String continuation) {
                return shows.test(prompt, continuation);
            }

            @Override
            public double accuracy() {
                return 1;
            }
        };
    }

    /**
     * A meter that only has a name (e.g. the site of a behaviour claim) and throws
     * {@link UnsupportedOperationException} when asked to classify, so a test fails if the code under test
     * generates and measures text when it should not.
     *
     * @param name what it would measure
     * @param why the exception's message
     * @return the meter
     */
    public static BehaviourMeter refusing(String name, String why) {
        return of(name, (prompt, continuation) -> {
            throw new UnsupportedOperationException(why);
        });
    }

    /**
     * A meter that never sees the behaviour.
     *
     * @param name what it would measure
     * @return the meter
     */
    public static BehaviourMeter never(String name) {
        return of(name, (prompt, continuation) -> false);
    }
}
