package org.vivarium.plugin.probes.fit;

import java.util.Optional;
import org.vivarium.plugin.probes.math.Evaluation;
import org.vivarium.plugin.probes.math.Probe;

/**
 * One fitted probe with its held-out and training scores.
 *
 * @param hook the hook path, e.g. {@code blocks.1.hook_resid_post}
 * @param layer the hook's block index, or -1 outside blocks
 * @param probe the probe, in raw activation space
 * @param test held-out accuracy and AUROC
 * @param train training accuracy and AUROC
 * @param validation accuracy and AUROC on the validation prompts that stopped the training, for kinds that have one
 *     (the MLP); never trained on, but not held out either
 */
public record ProbeResult(String hook, int layer, Probe probe, Evaluation test, Evaluation train,
        Optional<Evaluation> validation) {

    /**
     * A result without a validation part (the linear kinds).
     *
     * @param hook the hook path
     * @param layer the hook's block index, or -1
     * @param probe the probe
     * @param test held-out scores
     * @param train training scores
     */
    public ProbeResult(String hook, int layer, Probe probe, Evaluation test, Evaluation train) {
        this(hook, layer, probe, test, train, Optional.empty());
    }

    /**
     * Returns the feature id used in the context index, e.g. {@code probe/logistic@blocks.1.hook_resid_post}.
     *
     * @return the feature id
     */
    public String featureId() {
        return featureId(probe.kind().id(), hook);
    }

    /**
     * Builds a feature id.
     *
     * @param kind the probe kind id
     * @param hook the hook path
     * @return {@code probe/KIND@HOOK}
     */
    public static String featureId(String kind, String hook) {
        return "probe/" + kind + "@" + hook;
    }
}
