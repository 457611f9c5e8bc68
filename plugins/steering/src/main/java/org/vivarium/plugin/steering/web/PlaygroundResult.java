package org.vivarium.plugin.steering.web;

/**
 * What one playground generation produced.
 *
 * @param checkpoint the checkpoint directory, relative to the work directory
 * @param hook where the direction was added
 * @param coefficient how many times it was added
 * @param direction where the direction came from, e.g. {@code runs/steering/lm/direction.json} or
 *     {@code mean difference of 3 positive and 3 negative prompts}
 * @param norm the direction's Euclidean norm
 * @param prompt the prompt
 * @param unsteered the greedy continuation without the direction
 * @param steered the greedy continuation with {@code coefficient} times the direction added at every position
 * @param millis the time taken, model loading included
 */
public record PlaygroundResult(String checkpoint, String hook, double coefficient, String direction, double norm,
        String prompt, String unsteered, String steered, long millis) {
}
