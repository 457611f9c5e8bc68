package org.vivarium.plugin.steering.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;

/** The claims' sites, thresholds and split labels, on hand-made measurements. */
class SteeringClaimsTest {
    private static final String METER = "negative-sentiment rate";

    @Test
    void theDirectionClaimNamesTheExactVectorHookAndCoefficientChosenOnValidation() {
        SteeringOutcome o = Outcomes.outcome(0.1, 0.8, 0.3, 0.9, 0.1, 0.85);
        List<Claim> claims = SteeringClaims.of(o, METER, "direction.json");
        assertEquals(List.of(ClaimKind.DIRECTION, ClaimKind.BEHAVIOUR), claims.stream().map(Claim::kind).toList());
        Claim d = claims.get(0);
        assertEquals("blocks.1.hook_resid_pre", d.site().hook());
        assertEquals(1, d.site().layer());
        assertArrayEquals(new float[] {1, 0}, d.site().direction(), "the raw vector of the chosen site");
        assertEquals(2f, d.site().coefficient(), "the coefficient chosen on validation");
        assertEquals("direction.json", d.site().file());
        assertNull(d.site().text(), "no trigger string");
        assertTrue(d.supported(), d.evidence());
        assertEquals(1.0, d.confidence(), 1e-12, "min(1, 0.7 / 0.6)");
        assertEquals("adding the direction at blocks.1.hook_resid_pre (x 2) to condition-absent prompts raises the "
                + "negative-sentiment rate from 0.10 to 0.80 on held-out test prompts", d.statement());
        assertTrue(d.evidence().contains("Selection (validation, 10 condition-absent prompts, unsteered rate 0.10)"),
                d.evidence());
        assertTrue(d.evidence().contains("blocks.1.hook_resid_pre at c=2 (|v| = 1.000): rate 0.70 (rise +0.60, loss "
                + "rise +0.60)"), d.evidence());
        assertTrue(d.evidence().contains("Test (10 condition-absent prompts, never used to fit or choose): rate 0.10 "
                + "-> 0.80 at c=2 (rise +0.70), fluency loss rise +0.30"), d.evidence());
        assertTrue(d.evidence().contains("Ablation (test, 10 condition-present prompts; reported, not part of this "
                + "claim's support)"), d.evidence());
        assertTrue(d.evidence().contains("rate 0.90 -> 0.10, random equal-norm directions 0.85 (drop 0.80, random "
                + "shift 0.05, fluency loss rise +0.50 nats/token); it meets the ablation criteria"), d.evidence());
        assertTrue(d.evidence().contains("Split.of(8) over the index-paired prompts: fit 4 / validation 2 / test 2"),
                d.evidence());
        assertTrue(!d.evidence().contains("coherence meter"), "no meter, no sentence: " + d.evidence());
    }

    @Test
    void theOrganismsCoherenceMeterIsReportedAndBrokenTextIsNotSupported() {
        SteeringOutcome base = Outcomes.outcome(0.1, 0.8, 0.3, 0.9, 0.1, 0.85);
        TestMeasurement t = base.test();
        SteeringOutcome o = new SteeringOutcome(base.directions(), base.meanDirections(), base.validation(),
                new TestMeasurement(t.clean(), t.steered(), t.ablation(), new java.util.LinkedHashMap<>(Map.of(
                        "clean", 0.9))), base.parts(), base.settings());
        Claim d = SteeringClaims.direction(o, METER, "direction.json");
        assertTrue(d.supported());
        assertTrue(d.evidence().contains("coherence meter on the test continuations (the steered answers must stay "
                + ">= 0.50 coherent and lose at most 0.30 for support): clean 0.90."), d.evidence());
        assertEquals(0.9, SteeringSection.metrics(o).get("coherent_rate_clean"), 1e-12);
        SteeringOutcome broken = new SteeringOutcome(base.directions(), base.meanDirections(), base.validation(),
                new TestMeasurement(t.clean(), t.steered(), t.ablation(), new java.util.LinkedHashMap<>(Map.of(
                        "clean", 0.69, "steered", 0.19))), base.parts(), base.settings());
        Claim b = SteeringClaims.direction(broken, METER, "direction.json");
        assertFalse(b.supported(), "the rise came with broken text (coherence 0.69 -> 0.19): " + b.evidence());
        assertEquals(0, b.confidence(), 1e-12);
    }

    @Test
    void supportComesFromTheTestPartNotFromValidation() {
        Claim weak = SteeringClaims.direction(Outcomes.outcome(0.1, 0.3, 0.3, 0.9, 0.1, 0.85), METER, "d.json");
        assertFalse(weak.supported(), "validation rose by 0.6 but test only by 0.2: " + weak.evidence());
        assertEquals(0.2 / 0.6, weak.confidence(), 1e-12);
        Claim disfluent = SteeringClaims.direction(Outcomes.outcome(0.1, 0.9, 1.2, 0.9, 0.1, 0.85), METER, "d.json");
        assertFalse(disfluent.supported(), "a test loss rise of 1.2 nats/token is not fluent");
        assertEquals(0, disfluent.confidence());
        Claim justEnough = SteeringClaims.direction(Outcomes.outcome(0.1, 0.45, 1.0, 0.9, 0.1, 0.85), METER, "d");
        assertTrue(justEnough.supported(), "rise 0.35 >= 0.3 and loss rise 1.0 <= 1.0");
        assertEquals(0.35 / 0.6, justEnough.confidence(), 1e-9);
    }

    @Test
    void theAblationIsEvidenceAndDoesNotDecideTheDirectionClaim() {
        Claim failedAblation = SteeringClaims.direction(Outcomes.outcome(0.1, 0.8, 0.3, 0.9, 0.7, 0.9), METER, "d");
        assertTrue(failedAblation.supported());
        assertTrue(failedAblation.evidence().contains("it misses the ablation criteria"), failedAblation.evidence());
        Claim randomAsGood = SteeringClaims.direction(Outcomes.outcome(0.1, 0.8, 0.3, 0.9, 0.1, 0.3), METER, "d");
        assertTrue(randomAsGood.evidence().contains("it misses the ablation criteria"), randomAsGood.evidence());
    }

    @Test
    void theBehaviourClaimNamesTheMeterAndUsesTheTestGap() {
        Claim b = SteeringClaims.behaviour(Outcomes.outcome(0.1, 0.8, 0.3, 0.9, 0.1, 0.85), METER);
        assertEquals(ClaimKind.BEHAVIOUR, b.kind());
        assertEquals(METER, b.site().behaviour());
        assertNull(b.site().hook());
        assertTrue(b.supported());
        assertEquals(1.0, b.confidence(), 1e-12);
        assertEquals("with no intervention the negative-sentiment rate is higher on condition-present than on "
                + "condition-absent prompts: 0.90 vs 0.10 on held-out test prompts", b.statement());
        assertTrue(b.evidence().contains("gap +0.80 (validation, for reference: 0.90 vs 0.10); supported if the test "
                + "gap is >= 0.30"), b.evidence());
        Claim small = SteeringClaims.behaviour(Outcomes.outcome(0.5, 0.8, 0.3, 0.6, 0.1, 0.55), METER);
        assertFalse(small.supported(), "a test gap of 0.10, though validation shows 0.80");
        assertEquals(0.1 / 0.6, small.confidence(), 1e-9);
        Claim reversed = SteeringClaims.behaviour(Outcomes.outcome(0.6, 0.8, 0.3, 0.2, 0.1, 0.2), METER);
        assertEquals(0, reversed.confidence());
    }

    @Test
    void metricsSeparateValidationFromTestNumbers() {
        Map<String, Double> m = SteeringSection.metrics(Outcomes.outcome(0.1, 0.8, 0.3, 0.9, 0.1, 0.85));
        assertEquals(1.0, m.get("layer"));
        assertEquals(2.0, m.get("coefficient"));
        assertEquals(0.7, m.get("val_best_rate"), 1e-12);
        assertEquals(0.7, m.get("val_rate_L1_c2"), 1e-12);
        assertEquals(1.4, m.get("val_loss_rise_L1_c4"), 1e-12);
        assertEquals(0.5, m.get("val_rate_L0_c4"), 1e-12);
        assertEquals(0.8, m.get("steer_best_rate"), 1e-12, "test");
        assertEquals(0.1, m.get("clean_rate"), 1e-12, "test");
        assertEquals(0.7, m.get("steer_rise"), 1e-12);
        assertEquals(0.8, m.get("ablation_drop"), 1e-12);
        assertEquals(0.05, m.get("ablation_random_shift"), 1e-12);
        assertEquals(4.0, m.get("split_fit"));
        assertEquals(2.0, m.get("split_test"));
        String md = SteeringSection.markdown(Outcomes.outcome(0.1, 0.8, 0.3, 0.9, 0.1, 0.85), METER);
        assertTrue(md.contains("chosen on the validation part; every reported rate is from the test part"), md);
        assertTrue(md.contains("| site (validation)"), md);
        assertTrue(md.contains("| condition (test)"), md);
    }
}
