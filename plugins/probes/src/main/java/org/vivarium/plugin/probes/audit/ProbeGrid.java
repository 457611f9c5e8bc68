package org.vivarium.plugin.probes.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.plugin.probes.extract.FeatureSet;
import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.math.DiffMeanProbe;
import org.vivarium.plugin.probes.math.Evaluation;
import org.vivarium.plugin.probes.math.LinearProbe;
import org.vivarium.plugin.probes.math.LogisticProbe;
import org.vivarium.plugin.probes.math.ProbeKind;

/**
 * Honest selection over the audit's probes: every (hook x kind) probe is fitted on the fit part, the best is
 * chosen on the validation part only, and the chosen probe's test-part scores are the ones reported.
 */
final class ProbeGrid {
    /** L2 penalty of the logistic probes (on standardized features). */
    static final double L2 = 1e-3;

    private ProbeGrid() {
    }

    /**
     * Fits and scores every probe.
     *
     * @param features feature rows per hook path, extracted with {@code pooling}
     * @param pooling which positions the rows are
     * @param labels label per prompt
     * @param split the prompt split (rows follow their prompt)
     * @param kinds linear probe kinds to fit at each hook
     * @param la the host's linear algebra (for the AUROC)
     * @param progress advanced by one per probe
     * @return one probe per (hook, kind), in hook order then kind order
     */
    static List<AuditProbe> fit(Map<String, FeatureSet> features, PositionMode pooling, int[] labels,
            LabelSplit split, List<ProbeKind> kinds, LinearAlgebra la, Progress progress) {
        List<AuditProbe> out = new ArrayList<>();
        for (Map.Entry<String, FeatureSet> e : features.entrySet()) {
            FeatureSet f = e.getValue();
            int[] fitRows = f.rowsOf(split.fit());
            float[][] fitX = f.rows(fitRows);
            int[] fitY = f.labels(fitRows, labels);
            for (ProbeKind kind : kinds) {
                LinearProbe probe = switch (kind) {
                    case LOGISTIC -> new LogisticProbe(L2).fit(fitX, fitY);
                    case DIFFMEAN -> DiffMeanProbe.fit(fitX, fitY);
                    case MLP -> throw new IllegalArgumentException("the audit grid fits linear probes only: its claims"
                            + " are directions");
                };
                out.add(new AuditProbe(e.getKey(), new HookName(e.getKey()).layer(), pooling, probe,
                        Evaluation.of(la, probe, fitX, fitY), evaluate(la, probe, f, labels, split.validation()),
                        evaluate(la, probe, f, labels, split.test())));
                progress.advance(1);
            }
        }
        return out;
    }

    /**
     * Chooses on the validation part: highest validation accuracy, then highest validation AUROC, then the
     * earliest probe in grid order (earlier layers keep more token-local information). Test scores play no part.
     *
     * @param probes the grid
     * @return the chosen probe
     * @throws IllegalArgumentException if the grid is empty
     */
    static AuditProbe choose(List<AuditProbe> probes) {
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("no probes to choose from");
        }
        Comparator<AuditProbe> byValidation = Comparator
                .comparingDouble((AuditProbe p) -> orZero(p.validation().accuracy()))
                .thenComparingDouble(p -> orZero(p.validation().auroc()));
        AuditProbe best = probes.get(0);
        for (AuditProbe p : probes) {
            if (byValidation.compare(p, best) > 0) {
                best = p;
            }
        }
        return best;
    }

    private static Evaluation evaluate(LinearAlgebra la, LinearProbe probe, FeatureSet f, int[] labels,
            int[] prompts) {
        int[] rows = f.rowsOf(prompts);
        return Evaluation.of(la, probe, f.rows(rows), f.labels(rows, labels));
    }

    private static double orZero(double x) {
        return Double.isNaN(x) ? 0 : x;
    }
}
