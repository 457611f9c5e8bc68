package org.vivarium.plugin.probes.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.plugin.probes.extract.FeatureSet;
import org.vivarium.plugin.probes.math.DiffMeanProbe;
import org.vivarium.plugin.probes.math.Evaluation;
import org.vivarium.plugin.probes.math.LinearProbe;
import org.vivarium.plugin.probes.math.LogisticProbe;
import org.vivarium.plugin.probes.math.ProbeKind;
import org.vivarium.plugin.probes.math.StratifiedSplit;

/**
 * Fits each requested probe kind at each hook on the training prompts of a split and scores it on the
 * held-out prompts. The split is by prompt, so with {@code --position all} no prompt contributes tokens
 * to both sides.
 */
public final class ProbeFitter {
    private final FitSettings settings;

    /**
     * @param settings kinds and L2 penalty to use
     */
    public ProbeFitter(FitSettings settings) {
        this.settings = settings;
    }

    /**
     * Fits and evaluates.
     *
     * @param features feature sets per hook path
     * @param promptLabels label per prompt
     * @param split the prompt-level split
     * @param progress advanced by one per fitted probe
     * @return one result per (hook, kind), in hook order then kind order
     */
    public List<ProbeResult> fit(Map<String, FeatureSet> features, int[] promptLabels, StratifiedSplit split,
            Progress progress) {
        List<ProbeResult> out = new ArrayList<>();
        for (Map.Entry<String, FeatureSet> e : features.entrySet()) {
            FeatureSet f = e.getValue();
            int[] trainRows = f.rowsOf(split.train());
            int[] testRows = f.rowsOf(split.test());
            float[][] trainX = f.rows(trainRows);
            int[] trainY = f.labels(trainRows, promptLabels);
            float[][] testX = f.rows(testRows);
            int[] testY = f.labels(testRows, promptLabels);
            int layer = new HookName(e.getKey()).layer();
            for (ProbeKind kind : settings.kinds()) {
                LinearProbe probe = switch (kind) {
                    case LOGISTIC -> new LogisticProbe(settings.l2()).fit(trainX, trainY);
                    case DIFFMEAN -> DiffMeanProbe.fit(trainX, trainY);
                };
                Evaluation test = Evaluation.of(probe, testX, testY);
                out.add(new ProbeResult(e.getKey(), layer, probe, test, Evaluation.of(probe, trainX, trainY)));
                progress.metric("acc", test.accuracy());
                progress.advance(1);
            }
        }
        return out;
    }
}
