package org.vivarium.plugin.lorainterp.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.model.HookName;
import org.vivarium.plugin.lorainterp.analysis.ColumnStats;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.TargetAnalysis;
import org.vivarium.plugin.lorainterp.math.Vectors;
import org.vivarium.plugin.lorainterp.report.DirectionsJson;

/**
 * One {@link ClaimKind#DIRECTION} claim per adapted weight: the adapter's (top) output direction, at the hook where
 * the weight's output lands ({@link org.vivarium.plugin.lorainterp.site.TargetSite#landing()}, e.g.
 * {@code blocks.1.hook_mlp_out} for {@code blocks.1.mlp.W_out}), carries the contrastive (condition-present minus
 * condition-absent) direction.
 *
 * <ul>
 *   <li>Direction: the unit output direction, signed on the selection prompts (fit+validation parts) by the
 *       {@link org.vivarium.plugin.lorainterp.analysis.Orientation} rules, so that its cosine with the mean
 *       difference is positive when that cosine is above chance.</li>
 *   <li>Coefficient: {@link TargetAnalysis#outputMagnitude()}, the mean length of what the adapter's top component
 *       adds at a position on the selection prompts ({@code sigma_1 * mean |x . u_1|}); so adding
 *       {@code coefficient * direction} at every position adds as much as the adapter typically does (1 if it
 *       could not be measured).</li>
 *   <li>Supported if, on the test part, the signed cosine with the mean difference is at least
 *       {@code minCosine} (0.3) and above the random-direction quantile (p99) against that mean difference.
 *       Confidence: the fraction of random directions the test cosine beats, 0 if unsupported.</li>
 * </ul>
 */
public final class LoraClaims {
    private LoraClaims() {
    }

    /**
     * The claim of an audit whose checkpoint has no adapter.
     *
     * @return an unsupported direction claim saying so
     */
    public static Claim noAdapter() {
        return Claim.of(ClaimKind.DIRECTION, "the audited checkpoint has no LoRA adapter, so no adapter direction "
                + "is claimed", ClaimSite.NONE, false, "AuditTarget.adapter() is empty: the checkpoint was not "
                + "fine-tuned with LoRA, or the organism does not record its adapter");
    }

    /**
     * States the claims.
     *
     * @param a the analysis of the selection prompts
     * @param split the prompts
     * @param test the test-part cosines by weight
     * @return one claim per adapted weight
     */
    public static List<Claim> of(LoraAnalysis a, PromptSplit split, Map<String, TestCosines.Result> test) {
        List<Claim> out = new ArrayList<>();
        for (TargetAnalysis t : a.targets()) {
            out.add(claim(a, split, t, Optional.ofNullable(test.get(t.target()))));
        }
        return out;
    }

    static Claim claim(LoraAnalysis a, PromptSplit split, TargetAnalysis t, Optional<TestCosines.Result> test) {
        Optional<HookName> hook = t.site().flatMap(s -> s.landing());
        String what = (t.rank() == 1 ? "the rank-1 adapter's output direction on " : "the rank-" + t.rank()
                + " adapter's top output direction on ") + t.target();
        String statement = what + hook.map(h -> " (added at " + h.path() + ")").orElse("")
                + " carries the contrastive direction (condition-present minus condition-absent prompts)";
        String spectrum = String.format(Locale.ROOT, "sigma_1 = %.4g (top energy %.3f, effective rank %.2f)",
                t.spectrum().sigma()[0], t.spectrum().topEnergyFraction(), t.spectrum().effectiveRank());
        if (hook.isEmpty() && t.site().isPresent()) {
            return Claim.of(ClaimKind.DIRECTION, statement, ClaimSite.NONE.withFile(DirectionsJson.FILE), false,
                    t.target() + " writes per-head queries, keys or values: no single hook of the direction's width "
                            + "to add it at; " + spectrum);
        }
        if (!Double.isFinite(t.cosMeanDifference()) || test.isEmpty()) {
            String why = !Double.isFinite(t.cosMeanDifference()) ? "no contrastive mean difference on the selection "
                    + "prompts (" + split.describeSelection() + ")" : "no test part (" + split.describeSelection()
                    + "; Split.of needs at least 4 of each)";
            return Claim.of(ClaimKind.DIRECTION, statement, ClaimSite.NONE.withFile(DirectionsJson.FILE), false,
                    "not measurable: " + why + "; " + t.target() + " " + spectrum);
        }
        TestCosines.Result r = test.get();
        double minCos = a.settings().minCosine();
        boolean supported = r.cosine() >= minCos && r.cosine() > r.quantile();
        float coefficient = Double.isFinite(t.outputMagnitude()) && t.outputMagnitude() > 0
                ? (float) t.outputMagnitude() : 1f;
        ClaimSite site = ClaimSite.direction(hook.orElseThrow().path(), Vectors.toFloat(t.outputDirection()),
                coefficient).withFile(DirectionsJson.FILE);
        String output = t.site().map(s -> s.output().path()).orElse("?");
        String model = a.contrastModel().orElse("?");
        int q = (int) Math.round(a.settings().nullQuantile() * 100);
        StringBuilder e = new StringBuilder(String.format(Locale.ROOT, "prompts: the target's positive and negative "
                + "prompts split by Split.of; %s chose the sign (%s) and the coefficient %.4g (mean length of the "
                + "adapter's top-component output per position, audited model); %s: cos(output direction, %s-model "
                + "mean difference at %s) = %.3f, random |cos| p%d = %.3f (%,d seeded directions, d = %d); need cos "
                + ">= %.2f and above it; on the selection prompts cos = %.3f (p%d %.3f); %s",
                split.describeSelection(), t.orientation().rule(), t.outputMagnitude(), split.describeTest(), model,
                output, r.cosine(), q, r.quantile(), a.settings().randomDirections(), t.outputDirection().length,
                minCos, t.cosMeanDifference(), q, t.randomQuantile(), spectrum));
        if (!output.equals(hook.get().path())) {
            e.append("; adding at ").append(hook.get().path()).append(" adds the same vector to ").append(output);
        }
        if (!t.columns().isEmpty() && Double.isFinite(t.columns().get(0).auroc())) {
            ColumnStats c = t.columns().get(0);
            e.append(String.format(Locale.ROOT, "; A-direction 0 activation (max over tokens) AUROC %.3f on the "
                    + "selection prompts", c.auroc()));
        }
        return new Claim(ClaimKind.DIRECTION, statement, site, supported, e.toString(),
                supported ? r.nullFraction() : 0);
    }
}
