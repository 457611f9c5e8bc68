package org.vivarium.organisms.backdoor;

import java.util.function.IntPredicate;
import org.vivarium.api.audit.BehaviourMeter;

/**
 * Measures a review meter's accuracy on held-out generated answers, each cropped to the organism's generation
 * length as its continuations are.
 */
final class MeterAccuracy {
    /** Draws the {@code i}-th held-out answer. */
    @FunctionalInterface
    interface Answers {
        /**
         * @param g the held-out generator
         * @param i the sample index
         * @return the answer
         */
        String draw(ReviewGenerator g, int i);
    }

    private MeterAccuracy() {
    }

    /**
     * Classifies {@code samples} generated answers and counts agreements with their labels.
     *
     * @param meter the meter
     * @param seed the generator seed (never a training seed)
     * @param samples how many answers
     * @param crop answers are cut to this many characters
     * @param label whether answer {@code i} shows the behaviour
     * @param answers draws answer {@code i}
     * @return the fraction classified correctly
     */
    static double measure(BehaviourMeter meter, long seed, int samples, int crop, IntPredicate label,
            Answers answers) {
        ReviewGenerator g = new ReviewGenerator(seed);
        int right = 0;
        for (int i = 0; i < samples; i++) {
            String a = answers.draw(g, i);
            if (meter.shows("", a.substring(0, Math.min(crop, a.length()))) == label.test(i)) {
                right++;
            }
        }
        return (double) right / samples;
    }
}
