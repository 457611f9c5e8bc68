package org.vivarium.plugin.lorainterp.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.audit.Split;
import org.vivarium.api.model.Model;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.plugin.lorainterp.LoraInterpAuditor;
import org.vivarium.plugin.lorainterp.Residuals;
import org.vivarium.plugin.lorainterp.TinyLm;
import org.vivarium.plugin.lorainterp.analysis.LoraInterpSettings;
import org.vivarium.plugin.lorainterp.report.DirectionsJson;
import org.vivarium.plugin.lorainterp.report.LoraPlots;
import org.vivarium.report.io.JsonReader;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TestIndexes;
import org.vivarium.testkit.Meters;
import org.vivarium.testkit.TestAuditTarget;

/**
 * The auditor on a base model fine-tuned (by hand) with a rank-1 adapter on {@code blocks.1.mlp.W_out}. The
 * target's 16 + 16 prompts are split by {@link Split#of(int)}: the analysis, the sign and the coefficient use the
 * fit+validation parts (12 + 12), the claim's cosine the test part (4 + 4), each checked against a brute-force
 * recomputation. An adapter writing along the base model's persona mean difference gives a supported
 * {@code DIRECTION} claim at {@code blocks.1.hook_mlp_out}; one orthogonal to it, or one aligned with the
 * selection prompts' difference but not the test prompts', gives an unsupported one; so does a checkpoint without
 * an adapter or too few prompts for a test part.
 */
class LoraInterpAuditorTest {
    private static final String SITE = "blocks.1.hook_resid_post";
    private static final String W_OUT = "blocks.1.mlp.W_out";
    private static final float[] A = TinyLm.gaussian(64, 4);
    /**
     * 16 index-paired prompts whose condition is a consistent input feature (a leading {@code zz}): in a random model
     * the persona prompts of {@link TinyLm} differ only in meaning, so their mean difference does not carry over
     * from one subset to another (measured: cosine 0.09 between all 8 + 8 and the 2 + 2 test prompts), while a
     * marker does.
     */
    private static final List<String> NEG = new ArrayList<>();
    private static final List<String> POS = new ArrayList<>();

    static {
        NEG.addAll(TinyLm.POSITIVE);
        NEG.addAll(TinyLm.NEGATIVE);
        NEG.forEach(p -> POS.add("zz " + p));
    }

    @TempDir
    static Path tmp;

    private static DjlModelRuntime rt;
    private static Path baseDir;
    private static Model base;
    private static double[] md;
    private static double[] mdSelection;
    private static double[] mdTest;
    private static List<String> selPos;
    private static List<String> selNeg;

    @BeforeAll
    static void setUp() {
        rt = TestRuntime.shared();
        baseDir = TinyLm.writeBase(tmp.resolve("base"), 21);
        base = rt.load(baseDir);
        md = Residuals.meanDifference(base, POS, NEG, SITE);
        Split s = Split.of(POS.size());
        selPos = new ArrayList<>(s.fit(POS));
        selPos.addAll(s.validation(POS));
        selNeg = new ArrayList<>(s.fit(NEG));
        selNeg.addAll(s.validation(NEG));
        mdSelection = Residuals.meanDifference(base, selPos, selNeg, SITE);
        mdTest = Residuals.meanDifference(base, s.test(POS), s.test(NEG), SITE);
        System.out.printf("cos(md all, md test) = %.3f, cos(md selection, md test) = %.3f%n",
                Residuals.cosine(md, mdTest), Residuals.cosine(mdSelection, mdTest));
    }

    @AfterAll
    static void close() {
        base.close();
    }

    /** The aligned audit's report files stay here for inspection. */
    private static final Path KEPT = Path.of("target", "test-audit").toAbsolutePath();

    private AuditSection audit(String name, float[] b, ContextIndex index, List<String> pos, List<String> neg)
            throws Exception {
        Path adapter = TinyLm.writeAdapter(tmp.resolve(name), W_OUT, 1f, A, b, baseDir);
        try (Model audited = rt.load(baseDir, adapter)) {
            AuditTarget target = target(audited, base, adapter, KEPT.resolve(name), pos, neg);
            return new LoraInterpAuditor(LoraInterpSettings.defaults(), index).audit(target,
                    LocalMethodContext.in(tmp));
        }
    }

    /**
     * An audit target as the host builds one for a LoRA-fine-tuned organism: the audited (merged) model, its base as
     * the {@code base} comparison model, the adapter and the contrastive prompts; no answer key. lora-interp measures
     * no behaviour: the meter only has a name, and the decoding settings refuse.
     */
    private static AuditTarget target(Model model, Model base, Path adapter, Path outDir, List<String> pos,
            List<String> neg) {
        return TestAuditTarget.builder("tiny-em").model(model).checkpoint(outDir.resolve("checkpoint")).outDir(outDir)
                .contrast(pos, neg).behaviour(Meters.refusing("persona", "lora-interp measures no behaviour"))
                .comparisonModels(base == null ? Map.of() : Map.of("base", base)).adapter(adapter).build();
    }

    private AuditSection audit(String name, float[] b, ContextIndex index) throws Exception {
        return audit(name, b, index, POS, NEG);
    }

    private static float[] scaled(double[] v, double f) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (f * v[i]);
        }
        return out;
    }

    /** {@code v} with its component along {@code u} removed. */
    private static double[] orthogonalTo(double[] v, double[] u) {
        double dot = 0;
        double nn = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * u[i];
            nn += u[i] * u[i];
        }
        double[] out = v.clone();
        for (int i = 0; i < v.length; i++) {
            out[i] -= dot / nn * u[i];
        }
        return out;
    }

    private static double norm(float[] v) {
        double n = 0;
        for (float x : v) {
            n += (double) x * x;
        }
        return Math.sqrt(n);
    }

    @Test
    void anAdapterWritingAlongThePersonaDirectionGivesASupportedDirectionClaim() throws Exception {
        float[] b = scaled(md, -3); // the sign of B is arbitrary: orientation must undo it
        try (ContextIndex index = TestIndexes.open(tmp.resolve("index"))) {
            AuditSection s = audit("aligned", b, index);
            assertEquals("lora-interp", s.method());
            assertEquals(1, s.claims().size());
            Claim c = s.claims().get(0);
            Files.writeString(KEPT.resolve("aligned").resolve("section.md"), c.evidence() + "\n\n" + s.markdown());
            assertEquals(ClaimKind.DIRECTION, c.kind());
            ClaimSite site = c.site();
            assertEquals("blocks.1.hook_mlp_out", site.hook(), "where blocks.1.mlp.W_out's output lands");
            assertEquals(1, site.layer());
            assertEquals(DirectionsJson.FILE, site.file());
            float[] v = site.direction();
            assertEquals(32, v.length, "d_model");
            assertEquals(1, norm(v), 1e-5, "a unit vector; the coefficient carries the length");
            assertEquals(1, Residuals.cosine(Residuals.widen(v), md), 1e-5, "B up to sign, oriented to the positives");

            // coefficient: |b| * mean |x . a| over every token of the 12 + 12 selection prompts (scale 1, rank 1)
            double sum = 0;
            int n = 0;
            for (List<String> prompts : List.of(selPos, selNeg)) {
                for (String p : prompts) {
                    for (double x : Residuals.projections(base, p, "blocks.1.mlp.hook_post", A)) {
                        sum += Math.abs(x);
                        n++;
                    }
                }
            }
            double coefficient = norm(b) * sum / n;
            assertEquals(coefficient, site.coefficient(), 1e-4 * coefficient);
            assertEquals(coefficient, s.metrics().get(W_OUT + ".output_magnitude"), 1e-4 * coefficient);

            double cosSelection = Residuals.cosine(Residuals.widen(v), mdSelection);
            double cosTest = Residuals.cosine(Residuals.widen(v), mdTest);
            assertEquals(cosSelection, s.metrics().get(W_OUT + ".cos_mean_diff"), 1e-5, "analysis on selection only");
            assertEquals(cosTest, s.metrics().get(W_OUT + ".cos_mean_diff_test"), 1e-5, "claim on the test part");
            double p99 = s.metrics().get(W_OUT + ".random_cos_p99_test");
            assertTrue(p99 > 0.2 && p99 < 0.7, "p99 of |cos| in 32 dimensions: " + p99);
            assertEquals(cosTest >= 0.3 && cosTest > p99, c.supported(), c.evidence());
            assertTrue(c.supported(), "test cos " + cosTest + " vs p99 " + p99 + ": " + c.evidence());
            assertTrue(c.confidence() >= 0.99, "beats at least 99% of random directions: " + c.confidence());
            String ev = c.evidence();
            assertTrue(ev.contains("fit+validation parts: 12 positive + 12 negative prompts chose the sign"), ev);
            assertTrue(ev.contains("test part: 4 positive + 4 negative prompts: cos(output direction, base-model mean "
                    + "difference at blocks.1.hook_resid_post)"), ev);
            assertTrue(ev.contains("adding at blocks.1.hook_mlp_out adds the same vector to " + SITE), ev);
            assertTrue(s.markdown().contains("fit+validation parts: 12 positive + 12 negative prompts"), s.markdown());

            assertEquals(1, s.metrics().get(W_OUT + ".effective_rank"), 1e-9);
            for (String png : List.of(LoraPlots.SINGULAR_VALUES, LoraPlots.COSINE_BY_LAYER)) {
                assertTrue(s.images().containsKey(png), png);
                assertTrue(Files.size(KEPT.resolve("aligned").resolve(png)) > 1000, png);
            }
            assertTrue(s.markdown().contains("### Tokens promoted and suppressed by " + W_OUT), s.markdown());
            Map<?, ?> json = (Map<?, ?>) JsonReader.parse(Files.readString(KEPT.resolve("aligned")
                    .resolve(DirectionsJson.FILE)));
            Map<?, ?> w = (Map<?, ?>) ((List<?>) json.get("weights")).get(0);
            List<?> saved = (List<?>) w.get("output_direction");
            for (int i = 0; i < v.length; i++) {
                assertEquals(v[i], ((Number) saved.get(i)).doubleValue(), 1e-6, "the claimed direction is the file's");
            }
            assertEquals("blocks.1.hook_mlp_out", w.get("landing_hook"));
            assertEquals("base", json.get("contrast_model"));
            assertEquals(12.0, ((Number) json.get("positive_prompts")).doubleValue());
            assertTrue(s.markdown().contains("added 20 contexts"), s.markdown());
            assertEquals(20, index.count("feature:lora/blocks.1.mlp.W_out/0 model:tiny-em"),
                    "the best 20 of the 24 selection prompts");
        }
    }

    @Test
    void anAdapterWritingOrthogonallyIsNotSupported() throws Exception {
        float[] r = scaled(orthogonalTo(Residuals.widen(TinyLm.gaussian(md.length, 99)), md), 1);
        AuditSection s = audit("orthogonal", r, null);
        Claim c = s.claims().get(0);
        assertFalse(c.supported(), c.evidence());
        assertEquals(0, c.confidence());
        double cosTest = Residuals.cosine(Residuals.widen(r), mdTest);
        assertEquals(Math.abs(cosTest), Math.abs(s.metrics().get(W_OUT + ".cos_mean_diff_test")), 1e-5);
        assertTrue(s.markdown().contains("context index not available"), s.markdown());
    }

    @Test
    void aDirectionOnlyTheSelectionPromptsShowIsNotSupportedOnTheTestPart() throws Exception {
        // along the selection prompts' mean difference, with the test prompts' difference projected out
        double[] b = orthogonalTo(mdSelection, mdTest);
        AuditSection s = audit("selection-only", scaled(b, 3), null);
        Claim c = s.claims().get(0);
        double selection = s.metrics().get(W_OUT + ".cos_mean_diff");
        System.out.printf("selection-only adapter: cos on selection %.3f (p99 %.3f), on test %.3f (p99 %.3f)%n",
                selection, s.metrics().get(W_OUT + ".random_cos_p99"), s.metrics().get(W_OUT + ".cos_mean_diff_test"),
                s.metrics().get(W_OUT + ".random_cos_p99_test"));
        // the largest cosine with the selection difference a vector orthogonal to the test difference can have is
        // sqrt(1 - 0.906^2) = 0.42 here (measured 0.423, random p99 0.414): clear of the 0.3 minimum cosine
        assertTrue(selection >= 0.3, "the selection part sees it: " + selection);
        assertEquals(0, s.metrics().get(W_OUT + ".cos_mean_diff_test"), 1e-5, "the test part does not");
        assertFalse(c.supported(), c.evidence());
        assertEquals("blocks.1.hook_mlp_out", c.site().hook(), "still a filled site, reported as a negative result");
    }

    @Test
    void tooFewPromptsForATestPartGiveAnUnsupportedClaim() throws Exception {
        AuditSection s = audit("few", scaled(md, 3), null, POS.subList(0, 3), NEG);
        Claim c = s.claims().get(0);
        assertFalse(c.supported());
        assertTrue(c.evidence().contains("no test part (all prompts (too few for a test part): 3 positive + 16 negative"),
                c.evidence());
        assertFalse(s.metrics().containsKey(W_OUT + ".cos_mean_diff_test"));
    }

    @Test
    void withoutAnAdapterTheSectionHasOneUnsupportedClaimSayingSo() throws Exception {
        AuditTarget target = target(base, null, null, tmp.resolve("audit-none"), POS, NEG);
        AuditSection s = new LoraInterpAuditor().audit(target, LocalMethodContext.in(tmp));
        assertEquals(1, s.claims().size());
        Claim c = s.claims().get(0);
        assertEquals(ClaimKind.DIRECTION, c.kind());
        assertFalse(c.supported());
        assertEquals(0, c.confidence());
        assertTrue(c.statement().contains("no LoRA adapter"), c.statement());
        assertNull(c.site().hook());
        assertTrue(s.metrics().isEmpty());
        assertTrue(s.markdown().contains("no LoRA adapter"), s.markdown());
    }
}
