package org.vivarium.plugin.circuits.audit;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.audit.HeadRef;

/**
 * The induction circuit the auditor found: heads chosen on the validation sequences, effects reported on the test
 * sequences. All effects are rises of the in-context (repeat) loss in nats.
 *
 * @param previous the previous-token head(s), strongest first
 * @param induction the induction head(s), strongest first
 * @param validation measures on the validation part
 * @param test measures on the test part
 * @param choice how the previous-token heads were ranked on validation (attention, path effect into the keys)
 * @param validationPrevious validation rise with {@code previous} zero-ablated together
 * @param validationInduction validation rise with {@code induction} zero-ablated together
 * @param testPrevious test rise with {@code previous} zero-ablated together
 * @param testInduction test rise with {@code induction} zero-ablated together
 * @param testAllZero test rise with all the circuit's heads zero-ablated
 * @param testAllMean test rise with all the circuit's heads mean-ablated
 * @param testAllPatch test rise with all the circuit's heads' outputs patched from the corrupted run {@code B A}
 * @param kComposition K-composition score from the first previous-token head to the first induction head
 * @param kRank rank of that score among all heads below the induction head's layer (1 = highest)
 * @param qComposition Q-composition score of the same pair
 * @param vComposition V-composition score of the same pair
 * @param baselineMean mean composition score of random matrices of the same shapes
 * @param baselineSd their standard deviation
 */
public record InductionCircuit(List<HeadRef> previous, List<HeadRef> induction, PartMeasures validation,
        PartMeasures test, PreviousTokenChoice choice, double validationPrevious, double validationInduction, double testPrevious,
        double testInduction, double testAllZero, double testAllMean, double testAllPatch, double kComposition,
        int kRank, double qComposition, double vComposition, double baselineMean, double baselineSd) {

    /** Loss rise (nats) a head set must cause, and in-context gain a model must show, to support a claim. */
    public static final double MIN_EFFECT = 0.5;
    /** Attention score each claimed head's pattern must reach (uniform attention over 32 tokens gives ~0.1). */
    public static final double MIN_ATTENTION = 0.3;
    /** Standard deviations above the random-matrix mean the K-composition must be. */
    public static final double MIN_K_SIGMAS = 3;

    /** Copies the lists. */
    public InductionCircuit {
        previous = List.copyOf(previous);
        induction = List.copyOf(induction);
    }

    /** @return previous-token heads then induction heads */
    public List<HeadRef> heads() {
        List<HeadRef> all = new ArrayList<>(previous);
        all.addAll(induction);
        return all;
    }

    /** @return whether the model learns in context at all (validation) */
    public boolean learnsInContext() {
        return validation.inContextGain() >= MIN_EFFECT;
    }

    /** @return whether the K-composition is {@value #MIN_K_SIGMAS} standard deviations above random matrices */
    public boolean composes() {
        return kComposition >= baselineMean + MIN_K_SIGMAS * baselineSd;
    }

    /**
     * @return whether the circuit claim is supported: the model learns in context, both head sets matter on
     *     validation and on test, and the previous-token head K-composes with the induction head
     */
    public boolean circuitSupported() {
        return learnsInContext() && validationPrevious >= MIN_EFFECT && validationInduction >= MIN_EFFECT
                && testPrevious >= MIN_EFFECT && testInduction >= MIN_EFFECT && testAllZero >= MIN_EFFECT && composes();
    }

    /** @return whether the previous-token claim is supported on test (set matters, each head attends back) */
    public boolean previousSupported() {
        return learnsInContext() && testPrevious >= MIN_EFFECT
                && previous.stream().allMatch(h -> test.attention().previousToken()[h.layer()][h.head()] >= MIN_ATTENTION);
    }

    /** @return whether the induction claim is supported on test (set matters, each head prefix-matches) */
    public boolean inductionSupported() {
        return learnsInContext() && testInduction >= MIN_EFFECT
                && induction.stream().allMatch(h -> test.attention().induction()[h.layer()][h.head()] >= MIN_ATTENTION);
    }
}
