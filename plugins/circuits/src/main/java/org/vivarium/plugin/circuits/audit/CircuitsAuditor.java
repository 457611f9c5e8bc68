package org.vivarium.plugin.circuits.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.audit.Split;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.plugin.circuits.composition.CompositionScores;
import org.vivarium.plugin.circuits.composition.HeadWeights;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.patch.ActivationPatcher;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.patch.PatchDirection;
import org.vivarium.plugin.circuits.patch.PatchResult;
import org.vivarium.plugin.circuits.patch.PositionSite;

/**
 * The {@code circuits} auditor: on any attention model it draws repeated random-token sequences from the model's
 * vocabulary (no organism data, no truth card), finds the induction head and the previous-token head it depends on
 * by zero-ablating each head on validation sequences, reports their effect on test sequences with K-composition
 * as independent evidence, and claims the pair as a {@link ClaimKind#CIRCUIT} (plus one claim per head). A model
 * that does not learn in context, or whose heads do not matter, gets unsupported claims: the audit can fail.
 * Activation patching (denoising and noising, per layer x position and per head) on the fit sequences is reported
 * as heatmaps.
 */
@Component(service = Auditor.class)
public final class CircuitsAuditor implements Auditor {
    /** Position sites of the descriptive patching scan. */
    static final List<PositionSite> POSITION_SITES = List.of(PositionSite.RESID_PRE, PositionSite.ATTN_OUT,
            PositionSite.MLP_OUT);
    /** Head sites of the descriptive patching scan. */
    static final List<HeadSite> HEAD_SITES = List.of(HeadSite.values());

    @Override
    public String name() {
        return "circuits";
    }

    @Override
    public AuditSection audit(AuditTarget target, MethodContext ctx) {
        Model model = target.model();
        ModelConfig cfg = model.config();
        if (cfg.nLayers() < 2 || cfg.nCtx() < 6) {
            Claim none = Claim.of(ClaimKind.CIRCUIT, "no induction circuit: it needs two attention layers and a"
                    + " context of at least 6 tokens", ClaimSite.NONE, false, "not measured: the model has "
                    + cfg.nLayers() + " layer(s) and n_ctx " + cfg.nCtx());
            return new AuditSection(name(), "Circuits: induction heads", List.of(none), Map.of(), Map.of(),
                    "Not measured: an induction circuit needs at least two layers.");
        }
        RepeatedSequences seqs = InductionCircuitSearch.sequences(cfg, model.tokenizer().vocabSize());
        Split split = Split.of(seqs.size());
        CompositionScores comp = CompositionScores.compute(HeadWeights.of(cfg, model.weights()), cfg.dModel(),
                InductionCircuitSearch.SEED);
        InductionCircuit c;
        try (Progress p = ctx.progress("circuits: ablating heads (validation, test)", 2, "part")) {
            c = InductionCircuitSearch.run(model, seqs, split, comp, p);
        }
        RepeatedSequences fit = seqs.rows(split.fitIdx());
        ActivationPatcher patcher = new ActivationPatcher(model, fit.clean(), fit.corrupted(), fit.repeatLoss());
        long passes = ActivationPatcher.passes(cfg, 2 * fit.half(), POSITION_SITES, HEAD_SITES);
        PatchResult denoise;
        PatchResult noise;
        try (Progress p = ctx.progress("circuits: activation patching (fit sequences)", 2 * passes, "pass")) {
            denoise = patcher.run(PatchDirection.DENOISING, POSITION_SITES, HEAD_SITES, p);
            noise = patcher.run(PatchDirection.NOISING, POSITION_SITES, HEAD_SITES, p);
        }
        Map<String, String> images = AuditFiles.write(target.outDir(), c, comp, denoise, noise, cfg,
                2 * fit.half());
        return new AuditSection(name(), "Circuits: induction heads", claims(c), metrics(c), images,
                AuditFiles.markdown(c, seqs, split, cfg));
    }

    static List<Claim> claims(InductionCircuit c) {
        PartMeasures v = c.validation();
        PartMeasures t = c.test();
        String prev = names(c.previous());
        String ind = names(c.induction());
        String circuit = String.format(Locale.ROOT, "validation (n=%d sequences): repeat loss %.2f vs first copy %.2f"
                + " nats; zero-ablating %s raises the repeat loss by %.2f, %s by %.2f; test (n=%d): all of them zero-"
                + "ablated %.2f, mean-ablated %.2f, patched from B A %.2f; %s alone %.2f, %s alone %.2f. K-composition"
                + " %s->%s %.3f (rank %d of the heads below layer %d; random matrices %.3f +- %.3f), Q %.3f, V %.3f",
                v.n(), v.repeatLoss(), v.firstLoss(), ind, c.validationInduction(), prev, c.validationPrevious(), t.n(),
                c.testAllZero(), c.testAllMean(), c.testAllPatch(), prev, c.testPrevious(), ind, c.testInduction(),
                c.previous().get(0), c.induction().get(0), c.kComposition(), c.kRank(), c.induction().get(0).layer(),
                c.baselineMean(), c.baselineSd(), c.qComposition(), c.vComposition());
        List<Claim> out = new ArrayList<>();
        out.add(new Claim(ClaimKind.CIRCUIT, prev + " (previous-token) and " + ind + " (induction) form an induction"
                + " circuit: ablating them destroys in-context copying of repeated tokens",
                ClaimSite.heads(c.heads()).withFile(AuditFiles.JSON), c.circuitSupported(), circuit,
                c.circuitSupported() ? confidence(c.testAllZero(), t) : 0));
        StringBuilder pa = new StringBuilder();
        for (HeadRef h : c.previous()) {
            pa.append(String.format(Locale.ROOT, " %s %.2f", h, t.attention().previousToken()[h.layer()][h.head()]));
        }
        out.add(new Claim(ClaimKind.CIRCUIT, prev + (c.previous().size() == 1 ? " is a previous-token head" : " are"
                + " previous-token heads") + " that in-context copying depends on",
                ClaimSite.heads(c.previous()).withFile(AuditFiles.JSON), c.previousSupported(),
                String.format(Locale.ROOT, "test (n=%d): attention to the previous token%s (need >= %.2f each);"
                        + " zero-ablating raises the repeat loss by %.2f nats (need >= %.2f); chosen on validation"
                        + " (rise %.2f) among the heads attending back >= %.2f, ranked by the rise when only their"
                        + " path into %s's keys is patched from B A:%s", t.n(), pa, InductionCircuit.MIN_ATTENTION,
                        c.testPrevious(), InductionCircuit.MIN_EFFECT, c.validationPrevious(),
                        InductionCircuit.MIN_ATTENTION, ind, pathRises(c.choice())),
                c.previousSupported() ? confidence(c.testPrevious(), t) : 0));
        StringBuilder ia = new StringBuilder();
        for (HeadRef h : c.induction()) {
            ia.append(String.format(Locale.ROOT, " %s %.2f", h, t.attention().induction()[h.layer()][h.head()]));
        }
        out.add(new Claim(ClaimKind.CIRCUIT, ind + (c.induction().size() == 1 ? " is an induction head" : " are"
                + " induction heads") + ": attending to the token after the earlier occurrence of the current token,"
                + " they do the in-context copying", ClaimSite.heads(c.induction()).withFile(AuditFiles.JSON),
                c.inductionSupported(), String.format(Locale.ROOT, "test (n=%d): prefix-matching attention%s (need >="
                        + " %.2f each); zero-ablating raises the repeat loss by %.2f nats (need >= %.2f); chosen on"
                        + " validation (rise %.2f)", t.n(), ia, InductionCircuit.MIN_ATTENTION, c.testInduction(),
                        InductionCircuit.MIN_EFFECT, c.validationInduction()),
                c.inductionSupported() ? confidence(c.testInduction(), t) : 0));
        return out;
    }

    static String names(List<HeadRef> heads) {
        return String.join("+", heads.stream().map(HeadRef::toString).toList());
    }

    /** The fraction of the test in-context gain an ablation removes, in [0, 1]. */
    private static double confidence(double rise, PartMeasures t) {
        double gain = t.inContextGain();
        return gain <= 0 ? 0 : Math.max(0, Math.min(1, rise / gain));
    }

    static Map<String, Double> metrics(InductionCircuit c) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("previous_heads", (double) c.previous().size());
        m.put("induction_heads", (double) c.induction().size());
        m.put("validation.first_copy_loss", c.validation().firstLoss());
        m.put("validation.repeat_loss", c.validation().repeatLoss());
        m.put("validation.ablation_rise.previous", c.validationPrevious());
        m.put("validation.ablation_rise.induction", c.validationInduction());
        m.put("validation.key_path_rise.previous", c.choice().pathRise(c.previous().get(0)));
        m.put("test.first_copy_loss", c.test().firstLoss());
        m.put("test.repeat_loss", c.test().repeatLoss());
        m.put("test.ablation_rise.previous", c.testPrevious());
        m.put("test.ablation_rise.induction", c.testInduction());
        m.put("test.ablation_rise.circuit_zero", c.testAllZero());
        m.put("test.ablation_rise.circuit_mean", c.testAllMean());
        m.put("test.patch_noising_rise.circuit", c.testAllPatch());
        m.put("k_composition", c.kComposition());
        m.put("k_composition_rank", (double) c.kRank());
        m.put("q_composition", c.qComposition());
        m.put("v_composition", c.vComposition());
        m.put("composition_random_mean", c.baselineMean());
        m.put("composition_random_sd", c.baselineSd());
        return m;
    }

    private static String pathRises(PreviousTokenChoice choice) {
        StringBuilder out = new StringBuilder();
        for (HeadRef h : choice.ranked()) {
            out.append(String.format(Locale.ROOT, " %s %+.2f", h, choice.pathRise(h)));
        }
        return out.toString();
    }
}
