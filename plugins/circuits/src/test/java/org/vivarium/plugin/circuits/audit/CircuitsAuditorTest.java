package org.vivarium.plugin.circuits.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.circuits.Fixtures;
import org.vivarium.plugin.circuits.composition.CompositionKind;
import org.vivarium.plugin.circuits.composition.CompositionScores;
import org.vivarium.plugin.circuits.composition.HeadWeights;
import org.vivarium.report.io.JsonReader;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TestFiles;
import org.vivarium.testkit.Meters;
import org.vivarium.testkit.TestAuditTarget;

/** The auditor on the trained induction fixture and on random weights. */
class CircuitsAuditorTest {
    private static Path out;
    private static LocalMethodContext ctx;
    private static AuditSection induction;

    @BeforeAll
    static void auditTheFixture() {
        out = TestFiles.scratchDir("audit");
        ctx = LocalMethodContext.in(out);
        induction = audit(Fixtures.induction(), out, ctx);
    }

    private static AuditSection audit(Path run, Path out, LocalMethodContext ctx) {
        try (Model m = TestRuntime.shared().load(run.resolve("checkpoint"))) {
            return new CircuitsAuditor().audit(TestAuditTarget.builder("induction").model(m)
                    .checkpoint(run.resolve("checkpoint")).outDir(out).behaviour(Meters.never("in-context copying"))
                    .generation(GenerationOptions.greedy(8)).build(), ctx);
        }
    }

    @Test
    void findsThePreviousTokenAndInductionHeadsAndClaimsTheCircuit() throws Exception {
        AuditSection s = induction;
        assertEquals("circuits", s.method());
        assertEquals(3, s.claims().size());
        Claim circuit = s.claims().get(0);
        assertEquals(ClaimKind.CIRCUIT, circuit.kind());
        assertTrue(circuit.supported(), circuit.evidence());
        List<HeadRef> heads = circuit.site().heads();
        assertTrue(heads.stream().anyMatch(h -> h.layer() == 0), "a layer-0 head: " + heads);
        assertTrue(heads.stream().anyMatch(h -> h.layer() == 1), "a layer-1 head: " + heads);
        assertTrue(circuit.confidence() > 0 && circuit.confidence() <= 1);
        for (Claim c : s.claims()) {
            assertEquals(ClaimKind.CIRCUIT, c.kind());
            assertFalse(c.site().heads().isEmpty(), c.statement());
            assertTrue(c.evidence().contains("validation") && c.evidence().contains("test"), c.evidence());
            assertEquals("circuits.json", c.site().file());
        }
        assertTrue(s.claims().get(1).site().heads().stream().allMatch(h -> h.layer() == 0), "previous-token heads in L0");
        assertTrue(s.claims().get(2).site().heads().stream().allMatch(h -> h.layer() == 1), "induction heads in L1");
        assertTrue(s.claims().get(1).supported(), s.claims().get(1).evidence());
        assertTrue(s.claims().get(2).supported(), s.claims().get(2).evidence());
        assertTrue(s.claims().get(1).evidence().contains("path into"), s.claims().get(1).evidence());

        Map<String, Double> m = s.metrics();
        assertTrue(m.get("test.first_copy_loss") - m.get("test.repeat_loss") > 2, "the fixture learns in context");
        assertTrue(m.get("test.ablation_rise.circuit_zero") >= 0.5);
        assertTrue(m.get("test.ablation_rise.circuit_mean") >= 0.5, "mean ablation, as the scorer may use, too");
        for (String f : List.of("circuits.json", "ablation.png", "attention.png", "composition_k.png",
                "patch_denoising_heads.png", "patch_noising_resid_pre.png", "patch_denoising.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(s.images().keySet().stream().allMatch(f -> Files.exists(out.resolve(f))), s.images().keySet().toString());
        assertTrue(s.markdown().contains("validation") && s.markdown().contains("Test"), s.markdown());
        assertEquals(List.of("circuits: ablating heads (validation, test) 2/2 part",
                "circuits: activation patching (fit sequences) 336/336 pass"), ctx.progressLog());
        Object json = JsonReader.parse(Files.readString(out.resolve("circuits.json")));
        assertTrue(json instanceof Map<?, ?> j && j.get("format").equals("vivarium-circuits-audit/1"));
    }

    @Test
    void theFoundPairsKCompositionIsTheLargestOverLayerZero() {
        AuditSection s = induction;
        List<HeadRef> prev = s.claims().get(1).site().heads();
        List<HeadRef> ind = s.claims().get(2).site().heads();
        CompositionScores comp;
        try (Model m = TestRuntime.shared().load(Fixtures.induction().resolve("checkpoint"))) {
            comp = CompositionScores.compute(HeadWeights.of(m.config(), m.weights()), m.config().dModel(), 1);
        }
        for (CompositionKind k : CompositionKind.values()) {
            for (double[] row : comp.matrix(k)) {
                for (double v : row) {
                    assertTrue(Double.isFinite(v) && v >= 0 && v <= 1, k + " score " + v);
                }
            }
        }
        double found = comp.score(CompositionKind.K, prev.get(0), ind.get(0));
        for (int h = 0; h < comp.heads(); h++) {
            assertTrue(comp.score(CompositionKind.K, new HeadRef(0, h), ind.get(0)) <= found,
                    "K-composition into " + ind.get(0) + ": " + prev.get(0) + " " + found + " vs L0H" + h + " "
                            + comp.score(CompositionKind.K, new HeadRef(0, h), ind.get(0)));
        }
        assertTrue(found > comp.baselineMean() + 3 * comp.baselineSd(), "above random matrices: " + found);
        assertEquals(1.0, s.metrics().get("k_composition_rank"));
    }

    @Test
    void thePreviousTokenHeadIsTheAttendingHeadWithTheLargestKeyPathEffect() {
        AuditSection s = induction;
        HeadRef prev = s.claims().get(1).site().heads().get(0);
        double path = s.metrics().get("validation.key_path_rise.previous");
        assertTrue(path > 0, "patching only its path into the induction heads' keys raises the loss: " + path);
        String evidence = s.claims().get(1).evidence();
        String ranking = evidence.substring(evidence.indexOf("from B A:") + "from B A:".length()).trim();
        assertTrue(ranking.startsWith(prev.toString() + " "), "ranked first: " + ranking);
        for (String part : ranking.split(" (?=L\\d)")) {
            double rise = Double.parseDouble(part.substring(part.indexOf(' ') + 1));
            assertTrue(rise <= path + 1e-9, part + " vs " + prev + " " + path);
        }
    }

    @Test
    void randomWeightsGiveUnsupportedClaims() {
        Path dir = TestFiles.scratchDir("audit-random");
        AuditSection s = audit(Fixtures.untrained(), dir, LocalMethodContext.in(dir));
        assertEquals(3, s.claims().size());
        for (Claim c : s.claims()) {
            assertFalse(c.supported(), "random weights must not support: " + c.statement() + " / " + c.evidence());
            assertEquals(0, c.confidence());
        }
        assertTrue(Math.abs(s.metrics().get("validation.first_copy_loss") - s.metrics().get("validation.repeat_loss"))
                < 0.5, "no in-context learning");
    }
}
