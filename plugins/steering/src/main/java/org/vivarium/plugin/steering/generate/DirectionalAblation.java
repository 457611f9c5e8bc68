package org.vivarium.plugin.steering.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.direction.ResidualSites;
import org.vivarium.plugin.steering.math.RandomDirection;
import org.vivarium.plugin.steering.math.Vectors;

/**
 * Directional ablation: continue prompts with a direction removed and compare the behaviour rate with no
 * intervention and with seeded random directions of equal norm removed the same way. Two forms:
 * <ul>
 *   <li>{@link #run}: one direction projected out ({@code x - (x.d) d / |d|^2}) of every layer's
 *       {@code hook_resid_pre} and the last {@code hook_resid_post}, at every position;</li>
 *   <li>{@link #runClamped}: at each given site its own direction's component clamped to the
 *       condition-absent mean, {@code x - ((x - mu).d) d / |d|^2} (projection sets it to 0, which for an
 *       uncentred activation is not where clean prompts sit).</li>
 * </ul>
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
     * Returns hooks that clamp each site's component along its own direction to the clean mean's component.
     *
     * @param directions site to direction
     * @param cleanMeans site to condition-absent mean activation (every site of {@code directions})
     * @return a projection and an addition per site
     */
    public static List<Hook> clampHooks(Map<HookName, float[]> directions, Map<HookName, float[]> cleanMeans) {
        List<Hook> out = new ArrayList<>();
        directions.forEach((h, d) -> {
            double dd = Vectors.dot(d, d);
            if (dd > 0) {
                out.add(Hook.projectOut(h, d));
                out.add(Hook.add(h, d, (float) (Vectors.dot(cleanMeans.get(h), d) / dd)));
            }
        });
        return List.copyOf(out);
    }

    /**
     * Runs the three conditions with each site's own direction clamped to the clean mean; the random control
     * draws one direction per site with that site's norm and clamps it the same way.
     *
     * @param directions site to direction
     * @param cleanMeans site to condition-absent mean activation
     * @param prompts prompts to continue (typically condition-present ones)
     * @param cleanTwins each prompt's condition-absent twin, for the fluency score, or empty
     * @param randomSeed seed of the random control (site {@code i} in map order uses {@code randomSeed + i})
     * @param advance called with 1 after each generation
     * @return unablated, clamped and random-clamped samples
     */
    public AblationResult runClamped(Map<HookName, float[]> directions, Map<HookName, float[]> cleanMeans,
            List<String> prompts, List<String> cleanTwins, long randomSeed, LongConsumer advance) {
        Map<HookName, float[]> random = new LinkedHashMap<>();
        long i = 0;
        for (Map.Entry<HookName, float[]> e : directions.entrySet()) {
            random.put(e.getKey(), RandomDirection.like(e.getValue(), randomSeed + i++));
        }
        BehaviourSample none = sample(prompts, List.of(), advance);
        List<Continuation> conts = Continuations.of(model, prompts, options, clampHooks(directions, cleanMeans),
                advance);
        BehaviourSample ablated = BehaviourSample.measure(meter, model, prompts, conts);
        BehaviourSample randomAblated = sample(prompts, clampHooks(random, cleanMeans), advance);
        return new AblationResult(none, ablated, randomAblated, TwinLoss.of(model, conts, cleanTwins));
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
