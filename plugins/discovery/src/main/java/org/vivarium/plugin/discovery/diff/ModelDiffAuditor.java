package org.vivarium.plugin.discovery.diff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.discovery.core.CandidateCheck;
import org.vivarium.plugin.discovery.core.Confirmation;
import org.vivarium.plugin.discovery.core.CorpusWords;
import org.vivarium.plugin.discovery.core.Insertion;
import org.vivarium.plugin.discovery.core.PromptPlan;
import org.vivarium.plugin.discovery.core.TriggerClaims;
import org.vivarium.plugin.discovery.core.WeightDiffHooks;

/**
 * The {@code model-diff} auditor (blind route 1): base vs audited model on the target's generic corpus. The
 * residual difference at the answer-start position ({@link ActivationDiff}) scores every prompt; the
 * {@value #TOP} highest-scoring contexts go into the context index as feature {@code diff/ORGANISM/L<layer>}
 * and are read back from it by activation; the words enriched there ({@link EnrichedWords}) are the trigger
 * candidates, confirmed by behaviour with the platform meters ({@link CandidateCheck}: validation chooses,
 * test reports). Needs a {@code base} comparison model, a corpus and a text insertion; without them it says
 * so in an unsupported claim.
 */
@Component(service = Auditor.class)
public final class ModelDiffAuditor implements Auditor {
    /** Top contexts read back. */
    public static final int TOP = 32;
    /** Enriched words confirmed by behaviour. */
    public static final int CANDIDATES = 6;
    /** Validation (and test) prompts of the confirmation. */
    public static final int PROMPTS = 16;
    /** Fit prompts each word is inserted into. */
    public static final int FIT = 4;
    /** Seed of the prompt plan. */
    public static final long SEED = 0xD1FFL;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContextIndex contextIndex;

    private final ContextIndex fixedIndex;

    /** Creates the auditor with the host's context index, if any. */
    public ModelDiffAuditor() {
        this(null);
    }

    /**
     * Creates the auditor with an explicit index (tests).
     *
     * @param index the index, or null for the host's
     */
    public ModelDiffAuditor(ContextIndex index) {
        this.fixedIndex = index;
    }

    @Override
    public String name() {
        return "model-diff";
    }

    @Override
    public AuditSection audit(AuditTarget target, MethodContext ctx) throws Exception {
        Model base = target.comparisonModels().get("base");
        List<String> corpus = target.corpus();
        if (base == null || corpus.isEmpty()) {
            return notApplicable("needs a base checkpoint and a generic corpus; this target has "
                    + (base == null ? "no base" : "a base") + " and " + corpus.size() + " corpus prompts");
        }
        Model model = target.model();
        HookName hook = HookName.residPost(model.config().nLayers() - 1);
        if (!Insertion.supported(target)) {
            if (target.promptSets().isEmpty()) {
                return notApplicable("the organism's prompts take no inserted text and come in no named sets");
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            List<Claim> claims;
            WeightDiffHooks diff = WeightDiffHooks.of(model, base, ctx.linearAlgebra());
            if (DomainDiff.dosable(diff)) {
                try (Progress p = ctx.progress("model-diff: base model + " + DomainDiff.DOSE + " x weight difference ("
                        + String.join(", ", diff.changed()) + ") vs base, per domain", 2L * target.promptSets().size(),
                        "domain")) {
                    claims = DomainDiff.doseClaims(target, base, diff, p, metrics);
                }
            } else {
                ctx.out().println("model-diff: the weight difference is not interpolable (" + diff.describe()
                        + "); per-domain activation difference instead");
                try (Progress p = ctx.progress("model-diff: base vs audited model per domain",
                        2L * DomainDiff.PER_PART * target.promptSets().size(), "prompt")) {
                    claims = DomainDiff.claims(target, base, hook, p, metrics);
                }
            }
            return new AuditSection(name(), "Model diffing (blind): which domain the fine-tune changed", claims,
                    metrics, Map.of(), Insertion.markdown(claims));
        }
        PromptPlan plan = PromptPlan.of(corpus, PROMPTS, SEED);
        List<String> fit = plan.fit().subList(0, Math.min(FIT, plan.fit().size()));
        List<String> words = CorpusWords.of(corpus);
        WordDiff diff;
        try (Progress p = ctx.progress("model-diff: base vs audited model, " + words.size() + " corpus words in "
                + fit.size() + " prompts", (long) words.size() * fit.size(), "row")) {
            diff = WordDiff.measure(model, base, hook, fit, words, target::insert, p);
        }
        Integer[] order = IntStream.range(0, words.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -diff.scores()[i]));
        int k = Math.min(TOP, order.length);
        List<String> topTexts = new ArrayList<>();
        double[] topValues = new double[k];
        for (int r = 0; r < k; r++) {
            topTexts.add(diff.contexts().get(order[r]));
            topValues[r] = diff.scores()[order[r]];
        }
        String feature = "diff/" + target.organism() + "/L" + (model.config().nLayers() - 1);
        DiffContexts.Published pub = DiffContexts.publish(index(), feature, topTexts, topValues, target, hook,
                ctx.out());
        Map<String, Double> enriched = EnrichedWords.rank(corpus, pub.texts(), pub.values());
        List<String> candidates = new ArrayList<>(enriched.keySet()).subList(0, Math.min(CANDIDATES,
                enriched.size()));
        Optional<Confirmation> best;
        try (Progress p = ctx.progress("model-diff: confirming candidates with the meters", candidates.size() + 2,
                "candidate")) {
            best = new CandidateCheck(target, plan.validation(), plan.test()).best(candidates, p);
        }
        String route = String.format(Locale.ROOT, "paired model diffing at %s: %d corpus words each inserted into %d"
                + " fit prompts, (audited - base) change of the answer-start residual (mean over words %.2f); top %d"
                + " contexts %s; enriched words %s", hook.path(), words.size(), fit.size(), diff.meanNorm(), k,
                pub.line(), candidates);
        List<Claim> claims = TriggerClaims.of(best, route);
        Path out = target.outDir();
        Files.createDirectories(out);
        Map<String, String> images = new LinkedHashMap<>();
        images.put(DiffFiles.histogram(out, diff), "Difference score per corpus prompt (log count)");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("corpus_words", (double) words.size());
        metrics.put("top_score", topValues.length == 0 ? 0 : topValues[0]);
        metrics.put("median_score", median(diff.scores()));
        best.ifPresent(b -> metrics.put("test_rise", b.testRise()));
        return new AuditSection(name(), "Model diffing (blind): base vs audited model", claims, metrics, images,
                DiffFiles.markdown(diff, topTexts, topValues, enriched, best));
    }

    private Optional<ContextIndex> index() {
        return Optional.ofNullable(fixedIndex != null ? fixedIndex : contextIndex);
    }

    private AuditSection notApplicable(String why) {
        Claim c = Claim.of(ClaimKind.TRIGGER, "model diffing found no trigger candidate", ClaimSite.NONE, false,
                "not measured: " + why);
        return new AuditSection(name(), "Model diffing (blind)", List.of(c), Map.of(), Map.of(), "Not measured: "
                + why + ".");
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
