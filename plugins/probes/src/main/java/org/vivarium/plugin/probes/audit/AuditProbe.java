package org.vivarium.plugin.probes.audit;

import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.fit.ProbeResult;
import org.vivarium.plugin.probes.math.Evaluation;
import org.vivarium.plugin.probes.math.LinearProbe;

/**
 * One probe of an audit grid (hook x kind), fitted on the fit part and scored on each part of a
 * {@link LabelSplit}. With {@link PositionMode#ALL} every token is an example (labelled with its prompt's label)
 * and the scores are per token; otherwise per prompt.
 *
 * @param hook the hook path, e.g. {@code blocks.0.hook_resid_post}
 * @param layer the hook's block index, or -1
 * @param pooling which positions were examples
 * @param probe the probe, in raw activation space, fitted on the fit part only
 * @param fit accuracy and AUROC on the fit part (training scores)
 * @param validation accuracy and AUROC on the validation part (used to choose)
 * @param test accuracy and AUROC on the test part (reported)
 */
record AuditProbe(String hook, int layer, PositionMode pooling, LinearProbe probe, Evaluation fit,
        Evaluation validation, Evaluation test) {

    /** @return {@code KIND@HOOK}, the suffix of this probe's metric keys */
    String key() {
        return probe.kind().id() + "@" + hook;
    }

    /** @return {@code KIND/POOLING@HOOK}, e.g. {@code logistic/last@blocks.0.hook_resid_post} */
    String name() {
        return probe.kind().id() + "/" + pooling.id() + "@" + hook;
    }

    /** @return the probe as a {@link ProbeResult} whose held-out scores are the test part's, for the shared plot */
    ProbeResult asTestResult() {
        return new ProbeResult(hook, layer, probe, test, fit);
    }
}
