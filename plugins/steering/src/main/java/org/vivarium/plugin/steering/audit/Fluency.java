package org.vivarium.plugin.steering.audit;

import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * The fluency rule: an intervention that raises the unsteered model's loss on the generated text by more than
 * {@link #MAX_LOSS_RISE} nats/token has broken the model rather than moved the behaviour, and does not count.
 */
public final class Fluency {
    /** The largest loss rise (nats/token) that still counts as fluent. */
    public static final double MAX_LOSS_RISE = 1.0;

    private Fluency() {
    }

    /**
     * How much less fluent steering made the text: with twins, the unsteered model's loss on the steered text
     * placed after each prompt's condition-present twin minus its loss on its own condition-present
     * continuations; without, the loss on the steered text minus that on the unsteered clean continuations.
     *
     * @param p a steered sweep point
     * @param clean the unsteered condition-absent continuations of the same prompts
     * @param triggered the unsteered condition-present continuations of their twins
     * @return the rise in nats/token (may be negative)
     */
    public static double steerRise(SweepPoint p, BehaviourSample clean, BehaviourSample triggered) {
        if (!Double.isNaN(p.lossGivenTwin())) {
            return p.lossGivenTwin() - triggered.loss();
        }
        return p.sample().loss() - clean.loss();
    }

    /**
     * How much less fluent ablation made the text: with twins, the unsteered model's loss on the ablated text
     * after each prompt's condition-absent twin minus its loss on its own clean answers; without, the loss on
     * the ablated text minus that on the unablated text.
     *
     * @param a the ablation
     * @param clean the unsteered condition-absent continuations of the twins
     * @return the rise in nats/token (may be negative)
     */
    public static double ablationRise(AblationResult a, BehaviourSample clean) {
        return Double.isNaN(a.ablatedLossGivenClean()) ? a.ablated().loss() - a.unablated().loss()
                : a.ablatedLossGivenClean() - clean.loss();
    }

    /**
     * @param rise a loss rise
     * @return whether it is at most {@link #MAX_LOSS_RISE} (NaN, i.e. unmeasured, counts as fluent)
     */
    public static boolean fluent(double rise) {
        return !(rise > MAX_LOSS_RISE);
    }
}
