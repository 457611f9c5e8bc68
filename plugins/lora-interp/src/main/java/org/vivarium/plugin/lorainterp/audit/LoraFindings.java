package org.vivarium.plugin.lorainterp.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.audit.AuditFinding;
import org.vivarium.plugin.lorainterp.analysis.ColumnStats;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.TargetAnalysis;

/**
 * One finding per adapted weight, of truth-card kind {@value #KIND}: the adapter's (top) output direction is
 * aligned with the contrastive direction, supported when {@code |cos| >= minCosine} and above the random
 * baseline's quantile.
 */
public final class LoraFindings {
    /** The truth-card kind the findings speak to. */
    public static final String KIND = "adapter-direction";

    private LoraFindings() {
    }

    /**
     * States the findings.
     *
     * @param a the analysis
     * @return one finding per adapted weight
     */
    public static List<AuditFinding> of(LoraAnalysis a) {
        List<AuditFinding> out = new ArrayList<>();
        for (TargetAnalysis t : a.targets()) {
            String claim = (t.rank() == 1 ? "the rank-1 adapter's output direction"
                    : "the rank-" + t.rank() + " adapter's top output direction")
                    + " is aligned with the contrastive (persona) direction"
                    + (a.targets().size() > 1 ? " (" + t.target() + ")" : "");
            out.add(new AuditFinding(claim, t.aligned(a.settings().minCosine()), evidence(a, t), KIND));
        }
        return out;
    }

    static String evidence(LoraAnalysis a, TargetAnalysis t) {
        String spectrum = String.format(Locale.ROOT, "sigma_1 = %.4g (top energy %.3f, effective rank %.2f)",
                t.spectrum().sigma()[0], t.spectrum().topEnergyFraction(), t.spectrum().effectiveRank());
        if (!Double.isFinite(t.cosMeanDifference())) {
            return "not measurable: no contrastive mean difference (" + a.positives() + " positive and "
                    + a.negatives() + " negative prompts); " + t.target() + " " + spectrum;
        }
        String site = t.site().map(s -> s.output().path()).orElse("?");
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "cos(output direction of %s, mean difference at %s, %s model) = %.3f; random |cos| p%d = %.3f "
                        + "(%,d seeded directions, d = %d); need |cos| >= %.2f and above it; %s",
                t.target(), site, a.contrastModel().orElse("?"), t.cosMeanDifference(),
                Math.round(a.settings().nullQuantile() * 100), t.randomQuantile(), a.settings().randomDirections(),
                t.outputDirection().length, a.settings().minCosine(), spectrum));
        if (!t.columns().isEmpty() && Double.isFinite(t.columns().get(0).auroc())) {
            ColumnStats c = t.columns().get(0);
            sb.append(String.format(Locale.ROOT, "; A-direction 0 activation (max over tokens) AUROC %.3f, mean %.3f "
                    + "on positives vs %.3f on negatives (n = %d + %d prompts)", c.auroc(), c.meanPositive(),
                    c.meanNegative(), a.positives(), a.negatives()));
        }
        return sb.toString();
    }
}
