package org.vivarium.plugin.steering.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;

/**
 * Activation addition with a coefficient sweep: for each coefficient {@code c}, every prompt is continued
 * with {@code c * direction} added to the residual stream at one hook, at every position and every
 * decoding step, and the behaviour rate and coherence of the continuations are measured. The coefficient
 * multiplies the raw (unnormalised) direction, so {@code c = 1} adds the full mean difference.
 */
public final class SteeringSweep {
    private final Model model;
    private final GenerationOptions options;
    private final BehaviourMeter meter;

    /**
     * Creates a sweep.
     *
     * @param model the model
     * @param options decoding settings (seeded for repeatable rates)
     * @param meter measures the behaviour
     */
    public SteeringSweep(Model model, GenerationOptions options, BehaviourMeter meter) {
        this.model = model;
        this.options = options;
        this.meter = meter;
    }

    /**
     * Returns the steering hook for one coefficient.
     *
     * @param hook where to add
     * @param direction the direction
     * @param coefficient its multiple
     * @return {@code Hook.add(hook, direction, coefficient)} at all positions
     */
    public static Hook hook(HookName hook, float[] direction, double coefficient) {
        return Hook.add(hook, direction, (float) coefficient);
    }

    /**
     * Continues prompts with no intervention (the coefficient-0 baseline, without a hook).
     *
     * @param prompts prompts to continue
     * @param advance called with the number of prompts finished
     * @return the measured continuations
     */
    public BehaviourSample baseline(List<String> prompts, LongConsumer advance) {
        return BehaviourSample.measure(meter, model, prompts, Continuations.of(model, prompts, options, List.of(),
                advance));
    }

    /**
     * Runs the sweep.
     *
     * @param hook where to add the direction
     * @param direction the direction
     * @param coefficients the multiples to try, in order
     * @param prompts prompts to continue (typically condition-absent ones)
     * @param advance called with 1 after each generation
     * @return one point per coefficient, in order
     */
    public List<SweepPoint> run(HookName hook, float[] direction, List<Double> coefficients, List<String> prompts,
            LongConsumer advance) {
        return run(hook, direction, coefficients, prompts, List.of(), advance);
    }

    /**
     * Runs the sweep and scores each coefficient's fluency after the prompts' twins ({@link TwinLoss}).
     *
     * @param hook where to add the direction
     * @param direction the direction
     * @param coefficients the multiples to try, in order
     * @param prompts prompts to continue (typically condition-absent ones)
     * @param twins each prompt's condition-present twin, or empty
     * @param advance called with 1 after each generation
     * @return one point per coefficient, in order
     */
    public List<SweepPoint> run(HookName hook, float[] direction, List<Double> coefficients, List<String> prompts,
            List<String> twins, LongConsumer advance) {
        List<SweepPoint> out = new ArrayList<>();
        for (double c : coefficients) {
            List<Continuation> conts = Continuations.of(model, prompts, options, List.of(hook(hook, direction, c)),
                    advance);
            out.add(new SweepPoint(c, BehaviourSample.measure(meter, model, prompts, conts),
                    TwinLoss.of(model, conts, twins)));
        }
        return List.copyOf(out);
    }
}
