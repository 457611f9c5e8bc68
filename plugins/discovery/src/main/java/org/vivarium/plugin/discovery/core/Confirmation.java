package org.vivarium.plugin.discovery.core;

import java.util.Map;

/**
 * A candidate trigger measured with the platform meters: chosen (text and meter) on validation prompts,
 * reported on test prompts.
 *
 * @param text the inserted text
 * @param meter the meter whose rate rose most on validation
 * @param validationWith that meter's rate on validation prompts with the text
 * @param validationClean on the same prompts without it
 * @param testWith on test prompts with the text
 * @param testClean on the same test prompts without it
 * @param validation validation prompts
 * @param test test prompts
 * @param validationRises per meter, the validation rise of the chosen text
 */
public record Confirmation(String text, String meter, double validationWith, double validationClean,
        double testWith, double testClean, int validation, int test, Map<String, Double> validationRises) {

    /** @return the rise on test prompts */
    public double testRise() {
        return testWith - testClean;
    }

    /** @return the rise on validation prompts */
    public double validationRise() {
        return validationWith - validationClean;
    }
}
