package org.vivarium.plugin.circuits.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.plugin.circuits.CircuitsMethod;
import org.vivarium.plugin.circuits.Fixtures;
import org.vivarium.plugin.circuits.metric.LogitDifference;
import org.vivarium.plugin.circuits.metric.Metric;
import org.vivarium.plugin.circuits.patch.ActivationPatcher;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.patch.PatchDirection;
import org.vivarium.plugin.circuits.patch.PatchResult;
import org.vivarium.plugin.circuits.patch.PositionSite;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestFiles;
import org.vivarium.testkit.TestRuntime;

/**
 * Attribution patching against real activation patching, with the real DJL runtime: exact where the metric is
 * linear in the patched activation, and correlated on the trained induction fixture.
 */
class AttributionPatchingTest {
    private static final int VOCAB = 20;
    private static Model linear;

    /**
     * A 2-layer attention-only model with random weights and no LayerNorm: the logits are linear in the last
     * layer's attention output, each head's {@code z}, its values and (for fixed values) its pattern.
     */
    @BeforeAll
    static void setUp() {
        ModelConfig cfg = new ModelConfig(2, 32, 4, 8, 0, VOCAB, 16, ActFn.GELU, true, Normalization.NONE,
                Positional.LEARNED);
        Map<String, Tensor> w;
        try (ParameterStore p = ParameterStore.initialise(cfg, 3, TestRuntime.shared().manager())) {
            w = new java.util.LinkedHashMap<>(p.toTensors());
        }
        // the initialisation is small (nearly linear everywhere); larger weights make the softmax bite
        w.replaceAll((name, t) -> name.contains("W_") ? scaled(t, 8f) : t);
        Provenance prov = new Provenance("checkpoint", "test/random", Map.of(), 3, "", "test", "", "now", Map.of());
        linear = TestRuntime.shared().fromCheckpoint(new Checkpoint(cfg, w, new SymbolTokenizer(VOCAB), prov));
    }

    private static Tensor scaled(Tensor t, float k) {
        float[] d = t.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] *= k;
        }
        return Tensor.of(d, t.shape());
    }

    @AfterAll
    static void tearDown() {
        linear.close();
    }

    private static int[][] tokens(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] t = new int[3][8];
        for (int[] row : t) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextInt(VOCAB);
            }
        }
        return t;
    }

    @Test
    void equalsRealPatchingWhereTheMetricIsLinearInTheActivation() {
        int[][] clean = tokens(1);
        int[][] corrupted = tokens(2);
        Metric metric = LogitDifference.atLast(2, 5, "t2 - t5");
        List<PositionSite> pos = List.of(PositionSite.ATTN_OUT);
        List<HeadSite> heads = List.of(HeadSite.Z, HeadSite.V, HeadSite.PATTERN, HeadSite.Q);
        for (PatchDirection dir : PatchDirection.values()) {
            PatchResult est = new AttributionPatcher(linear, clean, corrupted, metric).run(dir, pos, heads);
            PatchResult real = new ActivationPatcher(linear, clean, corrupted, metric).run(dir, pos, heads,
                    LocalMethodContext.in(TestFiles.scratchDir("attr")).progress("patching", -1, "pass"));
            assertEquals(real.clean(), est.clean(), 1e-4);
            assertEquals(real.corrupted(), est.corrupted(), 1e-4);
            assertTrue(Math.abs(real.clean() - real.corrupted()) > 0.1, "the inputs must differ in the metric");
            double scale = Math.max(1, Math.abs(real.clean()));
            assertClose(real.byPosition().get(PositionSite.ATTN_OUT)[1], est.byPosition().get(PositionSite.ATTN_OUT)[1],
                    1e-3 * scale, dir + " attn_out L1");
            for (HeadSite s : List.of(HeadSite.Z, HeadSite.V, HeadSite.PATTERN)) {
                assertClose(real.byHead().get(s)[1], est.byHead().get(s)[1], 1e-3 * scale, dir + " " + s.id() + " L1");
            }
            // queries act through the softmax: the first-order estimate is not exact there
            double worst = 0;
            for (int h = 0; h < 4; h++) {
                worst = Math.max(worst, Math.abs(real.byHead().get(HeadSite.Q)[1][h] - est.byHead().get(HeadSite.Q)[1][h]));
            }
            assertTrue(worst > 1e-2 * scale, dir + ": q is nonlinear, yet the estimate is exact: " + worst);
            AttributionComparison cmp = AttributionComparison.of(est, real);
            assertEquals(2 * 8 + 4 * 2 * 4, cmp.all().sites(), "2 layers x 8 positions + 4 head sites x 2 layers x 4 heads");
            // layer 0 acts through layer 1's softmax: over all sites the estimate is correlated, not exact
            assertTrue(cmp.all().pearson() > 0 && cmp.all().pearson() < 0.999, dir + ": " + cmp);
            assertEquals(List.of("attn_out", "z", "q", "v", "pattern"), List.copyOf(cmp.bySite().keySet()));
        }
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + " [" + i + "]");
        }
    }

    @Test
    void attributeCommandReportsTheCorrelationOnTheInductionFixture() throws Exception {
        Path work = TestFiles.scratchDir("attr");
        LocalMethodContext ctx = LocalMethodContext.in(work);
        assertEquals(0, ctx.run(LocalMethodContext.command(new CircuitsMethod(), "attribute"),
                Fixtures.induction().toString(), "--task", "induction", "--sequences", "4", "--sites",
                "attn_out,z,v"));
        Path out = work.resolve("runs/circuits/induction/attribute");
        for (String f : List.of("attribute.json", "attribution.json", "patch.json", "attribution_attn_out.png",
                "attribution_heads.png", "patch_heads.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        Map<String, Object> doc = TestFiles.readJson(out.resolve("attribute.json"));
        assertEquals("vivarium-circuits-attribute/1", doc.get("format"));
        assertEquals("noising", doc.get("direction"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> corr = (Map<String, Map<String, Object>>) doc.get("correlation");
        double r = (Double) corr.get("all").get("pearson");
        System.out.println("induction fixture, attribution vs patching: " + corr);
        assertEquals(2 * 32 + 2 * 2 * 4, ((Number) corr.get("all").get("sites")).intValue());
        assertTrue(r > 0.1, "attribution must track real patching on the fixture: " + corr);
        assertTrue(ctx.output().contains("attribution vs real patching"), ctx.output());
        assertEquals(List.of("patching noising (to compare) 80/80 pass"), ctx.progressLog());
    }

    @Test
    void refusesAnUnknownTask() {
        LocalMethodContext ctx = LocalMethodContext.in(TestFiles.scratchDir("attr"));
        VivariumException e = assertThrows(VivariumException.class, () -> ctx.run(
                LocalMethodContext.command(new CircuitsMethod(), "attribute"), Fixtures.induction().toString(), "--task",
                "ioi"));
        assertTrue(e.getMessage().contains("unknown attribution task \"ioi\""), e.getMessage());
        assertTrue(e.fix().contains("--task induction"), e.fix());
    }
}
