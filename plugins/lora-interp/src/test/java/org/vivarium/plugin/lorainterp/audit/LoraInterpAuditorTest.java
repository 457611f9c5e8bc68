package org.vivarium.plugin.lorainterp.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.AuditFinding;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.model.Model;
import org.vivarium.index.LuceneContextIndex;
import org.vivarium.plugin.lorainterp.LoraInterpAuditor;
import org.vivarium.plugin.lorainterp.Residuals;
import org.vivarium.plugin.lorainterp.TinyLm;
import org.vivarium.plugin.lorainterp.analysis.LoraInterpSettings;
import org.vivarium.plugin.lorainterp.report.DirectionsJson;
import org.vivarium.plugin.lorainterp.report.LoraPlots;
import org.vivarium.report.io.JsonReader;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.local.LocalMethodContext;

/**
 * The auditor on a base model fine-tuned (by hand) with a rank-1 adapter on {@code blocks.1.mlp.W_out}: an
 * adapter writing along the base model's persona mean difference is found aligned; one writing orthogonally
 * to it is not; a checkpoint without an adapter gets a section with no findings.
 */
class LoraInterpAuditorTest {
    private static final String SITE = "blocks.1.hook_resid_post";

    @TempDir
    static Path tmp;

    private static DjlModelRuntime rt;
    private static Path baseDir;
    private static Model base;
    private static double[] md;

    @BeforeAll
    static void setUp() {
        rt = new DjlModelRuntime();
        baseDir = TinyLm.writeBase(tmp.resolve("base"), rt, 21);
        base = rt.load(baseDir);
        md = Residuals.meanDifference(base, TinyLm.POSITIVE, TinyLm.NEGATIVE, SITE);
    }

    @AfterAll
    static void close() {
        base.close();
        rt.close();
    }

    /** The aligned audit's report files stay here for inspection. */
    private static final Path KEPT = Path.of("target", "test-audit").toAbsolutePath();

    private AuditSection audit(String name, float[] b, LuceneContextIndex index) throws Exception {
        Path adapter = TinyLm.writeAdapter(tmp.resolve(name), rt, "blocks.1.mlp.W_out", 1f, TinyLm.gaussian(64, 4),
                b, baseDir);
        try (Model audited = rt.load(baseDir, adapter)) {
            TestAuditTarget target = new TestAuditTarget(audited, base, adapter, KEPT.resolve(name),
                    TinyLm.POSITIVE, TinyLm.NEGATIVE);
            return new LoraInterpAuditor(LoraInterpSettings.defaults(), index).audit(target,
                    new LocalMethodContext(rt, tmp));
        }
    }

    @Test
    void anAdapterWritingAlongThePersonaDirectionIsFoundAligned() throws Exception {
        float[] b = new float[md.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (-3 * md[i]); // the sign of B is arbitrary: orientation must undo it
        }
        try (LuceneContextIndex index = LuceneContextIndex.open(tmp.resolve("index"))) {
            AuditSection s = audit("aligned", b, index);
            assertEquals("lora-interp", s.method());
            assertEquals(1, s.findings().size());
            AuditFinding f = s.findings().get(0);
            Files.writeString(KEPT.resolve("aligned").resolve("section.md"), f.evidence() + "\n\n" + s.markdown());
            assertEquals("adapter-direction", f.truthCardKind());
            assertEquals("the rank-1 adapter's output direction is aligned with the contrastive (persona) direction",
                    f.claim());
            assertTrue(f.supported(), f.evidence());
            assertTrue(f.evidence().contains("base model"), f.evidence());
            double cos = s.metrics().get("blocks.1.mlp.W_out.cos_mean_diff");
            assertEquals(1, cos, 1e-5, "B is the base model's mean difference up to sign");
            assertTrue(s.metrics().get("blocks.1.mlp.W_out.random_cos_p99") < 0.7);
            assertEquals(1, s.metrics().get("blocks.1.mlp.W_out.effective_rank"), 1e-9);
            assertTrue(s.metrics().containsKey("blocks.1.mlp.W_out.a0.auroc"));
            for (String png : List.of(LoraPlots.SINGULAR_VALUES, LoraPlots.COSINE_BY_LAYER)) {
                assertTrue(s.images().containsKey(png), png);
                assertTrue(Files.size(KEPT.resolve("aligned").resolve(png)) > 1000, png);
            }
            assertTrue(s.markdown().contains("### Tokens promoted and suppressed by blocks.1.mlp.W_out"), s.markdown());
            Map<?, ?> json = (Map<?, ?>) JsonReader.parse(Files.readString(KEPT.resolve("aligned")
                    .resolve(DirectionsJson.FILE)));
            Map<?, ?> w = (Map<?, ?>) ((List<?>) json.get("weights")).get(0);
            List<?> v = (List<?>) w.get("output_direction");
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) v.get(i)).doubleValue();
            }
            assertEquals(1, Residuals.cosine(out, md), 1e-5, "saved output direction is the oriented mean difference");
            assertEquals("base", json.get("contrast_model"));
            assertTrue(s.markdown().contains("added 16 contexts"), s.markdown());
            assertEquals(16, index.count("feature:lora/blocks.1.mlp.W_out/0 model:tiny-em"));
        }
    }

    @Test
    void anAdapterWritingOrthogonallyIsNotAligned() throws Exception {
        float[] r = TinyLm.gaussian(md.length, 99);
        double dot = 0;
        double nn = 0;
        for (int i = 0; i < r.length; i++) {
            dot += r[i] * md[i];
            nn += md[i] * md[i];
        }
        for (int i = 0; i < r.length; i++) {
            r[i] -= (float) (dot / nn * md[i]);
        }
        AuditSection s = audit("orthogonal", r, null);
        AuditFinding f = s.findings().get(0);
        assertFalse(f.supported(), f.evidence());
        assertTrue(Math.abs(s.metrics().get("blocks.1.mlp.W_out.cos_mean_diff")) < 1e-5);
        assertTrue(s.markdown().contains("context index not available"), s.markdown());
    }

    @Test
    void withoutAnAdapterTheSectionSaysSoAndHasNoFindings() throws Exception {
        TestAuditTarget target = new TestAuditTarget(base, null, null, tmp.resolve("audit-none"), TinyLm.POSITIVE,
                TinyLm.NEGATIVE);
        AuditSection s = new LoraInterpAuditor().audit(target, new LocalMethodContext(rt, tmp));
        assertTrue(s.findings().isEmpty());
        assertTrue(s.metrics().isEmpty());
        assertTrue(s.markdown().contains("no LoRA adapter"), s.markdown());
    }
}
