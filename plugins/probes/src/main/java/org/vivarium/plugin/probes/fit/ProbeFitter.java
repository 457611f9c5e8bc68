package org.vivarium.plugin.probes.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.plugin.probes.extract.FeatureSet;
import org.vivarium.plugin.probes.math.DiffMeanProbe;
import org.vivarium.plugin.probes.math.Evaluation;
import org.vivarium.plugin.probes.math.LogisticProbe;
import org.vivarium.plugin.probes.math.MlpProbe;
import org.vivarium.plugin.probes.math.Probe;
import org.vivarium.plugin.probes.math.ProbeKind;
import org.vivarium.plugin.probes.math.StratifiedSplit;

/**
 * Fits each requested probe kind at each hook on the training prompts of a split and scores it on the
 * held-out prompts. The split is by prompt, so with {@code --position all} no prompt contributes tokens
 * to both sides. The MLP probe trains on {@value #MLP_VALIDATION_PERCENT}% fewer prompts: that share of the training
 * prompts (stratified, same seed) is its validation part, which picks the early-stopping epoch.
 */
public final class ProbeFitter {
    /** The share of the training prompts the MLP probe holds out for early stopping, in percent. */
    public static final int MLP_VALIDATION_PERCENT = 20;

    private final FitSettings settings;
    private final LinearAlgebra la;

    /**
     * @param settings kinds and L2 penalty to use
     * @param la the host's linear algebra (AUROC, MLP fitting)
     */
    public ProbeFitter(FitSettings settings, LinearAlgebra la) {
        this.settings = settings;
        this.la = la;
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
        StratifiedSplit inner = settings.kinds().contains(ProbeKind.MLP) ? validationOf(split, promptLabels) : null;
        List<ProbeResult> out = new ArrayList<>();
        for (Map.Entry<String, FeatureSet> e : features.entrySet()) {
            FeatureSet f = e.getValue();
            Rows train = Rows.of(f, split.train(), promptLabels);
            Rows test = Rows.of(f, split.test(), promptLabels);
            int layer = new HookName(e.getKey()).layer();
            for (ProbeKind kind : settings.kinds()) {
                ProbeResult r;
                if (kind == ProbeKind.MLP) {
                    Rows fit = Rows.of(f, inner.train(), promptLabels);
                    Rows val = Rows.of(f, inner.test(), promptLabels);
                    Probe probe = MlpProbe.fit(la, fit.x(), fit.y(), val.x(), val.y(), settings.seed());
                    r = new ProbeResult(e.getKey(), layer, probe, test.evaluate(la, probe), fit.evaluate(la, probe),
                            Optional.of(val.evaluate(la, probe)));
                } else {
                    Probe probe = kind == ProbeKind.LOGISTIC ? new LogisticProbe(settings.l2()).fit(train.x(), train.y())
                            : DiffMeanProbe.fit(train.x(), train.y());
                    r = new ProbeResult(e.getKey(), layer, probe, test.evaluate(la, probe), train.evaluate(la, probe));
                }
                out.add(r);
                progress.metric("acc", r.test().accuracy());
                progress.advance(1);
            }
        }
        return out;
    }

    /** Splits the training prompts into the MLP's fit and validation prompts (indices into all prompts). */
    private StratifiedSplit validationOf(StratifiedSplit split, int[] promptLabels) {
        int[] train = split.train();
        int[] labels = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            labels[i] = promptLabels[train[i]];
        }
        StratifiedSplit s = StratifiedSplit.of(labels, MLP_VALIDATION_PERCENT / 100.0, settings.seed());
        return new StratifiedSplit(pick(train, s.train()), pick(train, s.test()));
    }

    private static int[] pick(int[] values, int[] index) {
        int[] out = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = values[index[i]];
        }
        return out;
    }

    /** The rows and row labels of some prompts at one hook. */
    private record Rows(float[][] x, int[] y) {
        static Rows of(FeatureSet f, int[] prompts, int[] promptLabels) {
            int[] rows = f.rowsOf(prompts);
            return new Rows(f.rows(rows), f.labels(rows, promptLabels));
        }

        Evaluation evaluate(LinearAlgebra la, Probe probe) {
            return Evaluation.of(la, probe, x, y);
        }
    }
}
