package org.vivarium.plugin.steering.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.direction.ResidualSites;
import org.vivarium.plugin.steering.math.RandomDirection;

/**
 * Directional ablation: continue prompts with a direction projected out ({@code x - (x.d) d / |d|^2}) of
 * every layer's {@code hook_resid_pre} and the last {@code hook_resid_post}, at every position, and
 * compare the behaviour rate with no intervention and with a seeded random direction of equal norm
 * ablated the same way.
 */
public final class DirectionalAblation {
    private final Model model;
    private final GenerationOptions options;
    private final BehaviourMeter meter;

    /**
     * Creates an ablation experiment.
     *
     * @param model the model
     * @param options decoding settings
     * @param meter measures the behaviour
     */
    public DirectionalAblation(Model model, GenerationOptions options, BehaviourMeter meter) {
        this.model = model;
        this.options = options;
        this.meter = meter;
    }

    /**
     * Returns the hooks that project a direction out of every residual site.
     *
     * @param model the model
     * @param direction the direction
     * @return one {@code Hook.projectOut} per site
     */
    public static List<Hook> hooks(Model model, float[] direction) {
        List<Hook> out = new ArrayList<>();
        for (HookName h : ResidualSites.all(model.config())) {
            out.add(Hook.projectOut(h, direction));
        }
        return List.copyOf(out);
    }

    /**
     * Runs the three conditions.
     *
     * @param direction the direction to ablate
     * @param prompts prompts to continue (typically condition-present ones)
     * @param randomSeed seed of the random control direction
     * @param advance called with 1 after each generation
     * @return unablated, ablated and random-ablated samples
     */
    public AblationResult run(float[] direction, List<String> prompts, long randomSeed, LongConsumer advance) {
        BehaviourSample none = sample(prompts, List.of(), advance);
        BehaviourSample ablated = sample(prompts, hooks(model, direction), advance);
        BehaviourSample random = sample(prompts, hooks(model, RandomDirection.like(direction, randomSeed)), advance);
        return new AblationResult(none, ablated, random);
    }

    private BehaviourSample sample(List<String> prompts, List<Hook> hooks, LongConsumer advance) {
        List<Continuation> conts = Continuations.of(model, prompts, options, hooks, advance);
        return BehaviourSample.measure(meter, model, prompts, conts);
    }
}
