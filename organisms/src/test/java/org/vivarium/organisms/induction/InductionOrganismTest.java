package org.vivarium.organisms.induction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.Model;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.organisms.BlindData;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.organisms.score.ClaimVerdict;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * Raises the induction organism for real (seeded, default length) and checks that the planted
 * circuit is found: previous-token head in L0, induction head in L1, and the causal ablation effect. On the same
 * model: the scorer verifies a previous-token head claim by its own ablation and a path-specific control (the
 * key path of random other layer-0 heads), and
 * the blind audit's data carries no secret.
 */
class InductionOrganismTest {
    @TempDir
    static Path dir;
    private static DjlModelRuntime runtime;
    private static TrainOutcome outcome;
    private static CheckResult check;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void raise() {
        runtime = new DjlModelRuntime();
        OrganismContext ctx = new OrganismContext(runtime, new PrintStream(LOG, true, StandardCharsets.UTF_8), false);
        InductionOrganism o = new InductionOrganism();
        outcome = o.train(new TrainRequest(1, 0, dir.resolve("run"), false), ctx);
        try (Model m = runtime.load(outcome.checkpoint())) {
            check = o.check(m, dir.resolve("run"), ctx);
        }
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void theCheckFindsThePlantedHeads() {
        assertTrue(check.passed(), String.join("\n", check.findings()));
        assertTrue(check.metrics().get("prefix_matching_score") >= InductionOrganism.MIN_PREFIX);
        assertTrue(check.metrics().get("previous_token_score") >= InductionOrganism.MIN_PREV);
        assertTrue(check.metrics().get("loss_repeat") < 1.0, "the repeat should be nearly free: "
                + check.metrics().get("loss_repeat"));
        assertTrue(check.metrics().get("loss_repeat_induction_ablated") > check.metrics().get("loss_repeat") + 0.5);
    }

    @Test
    void theRunLeavesCurvesReportsAndProvenance() throws Exception {
        Path run = dir.resolve("run");
        for (String f : new String[] {"loss.csv", "loss.png", "report.md", "report.html", "report.json",
                "head_scores.png", "induction_pattern.png", "checkpoint/model.safetensors", "checkpoint/config.json",
                "checkpoint/tokenizer.json", "checkpoint/provenance.json"}) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        // the report files say what the check found: its verdict, the heads it named and the same numbers
        String md = Files.readString(run.resolve("report.md"));
        int prevHead = check.metrics().get("previous_token_head").intValue();
        int indHead = check.metrics().get("induction_head").intValue();
        assertTrue(md.contains("**Verdict: PASS**"), md);
        assertTrue(md.contains("PASS previous-token head L0H" + prevHead + ":")
                && md.contains("PASS induction head L1H" + indHead + ":"), md);
        JsonObject json = JsonParser.parseString(Files.readString(run.resolve("report.json"))).getAsJsonObject();
        assertTrue(json.get("passed").getAsBoolean());
        JsonObject metrics = json.getAsJsonObject("metrics");
        for (String k : new String[] {"previous_token_score", "prefix_matching_score", "loss_repeat",
                "loss_repeat_induction_ablated", "induction_head"}) {
            assertEquals(check.metrics().get(k), metrics.get(k).getAsDouble(), 0.0, k);
        }
        assertEquals(check.metrics().get("prefix_matching_score"), json.getAsJsonObject("head_scores")
                .getAsJsonArray("prefix_matching").get(1).getAsJsonArray().get(indHead).getAsDouble(), 1e-6,
                "the head-score table agrees with the metric");
        assertEquals(2001, Files.readAllLines(run.resolve("loss.csv")).size(), "header plus one row per step");
        try (Model m = runtime.load(outcome.checkpoint())) {
            Provenance p = m.provenance();
            assertEquals("organism/induction", p.recipe());
            assertEquals(1L, p.seed());
            assertTrue(p.dataHash().startsWith("sha256:"));
            assertEquals("2000", p.settings().get("trained_steps"));
            assertTrue(p.environment().containsKey("java.version"));
        }
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("tok/s"), "progress shows tokens/s: " + log);
    }
    @Test
    void theScorerVerifiesTheRightPreviousTokenHeadByItsOwnAblation() {
        int prevHead = check.metrics().get("previous_token_head").intValue();
        try (Model m = runtime.load(outcome.checkpoint())) {
            ClaimVerdict v = new InductionScorer(new InductionOrganism().truthCard(), m).verify("test",
                    headClaim(new HeadRef(0, prevHead)));
            assertTrue(v.verified(), v.measured());
            assertEquals(List.of("previous-token-head"), v.found(), v.measured());
            assertTrue(v.measured().contains("mean-ablating L0H" + prevHead + " raises the repeat loss"), v.measured());
            assertTrue(v.measured().contains("path into the layer-1 keys"), v.measured());
            assertTrue(v.measured().contains("random other layer-0 heads"), v.measured());
        }
    }

    @Test
    void everyWrongLayerZeroHeadIsRefutedAndTheAblationAloneRefutesAHeadThatDoesNotMatter() {
        int prevHead = check.metrics().get("previous_token_head").intValue();
        TruthCard card = new InductionOrganism().truthCard();
        // the same card with no attention bar for the previous-token head: only the scorer's ablation can refute
        List<Planted> relaxed = new ArrayList<>();
        for (Planted p : card.planted()) {
            Map<String, String> e = new HashMap<>(p.expected());
            if (p.id().equals("previous-token-head")) {
                e.put("previous_token_score_min", "0");
            }
            relaxed.add(new Planted(p.id(), p.kind(), p.location(), p.description(), e));
        }
        TruthCard ablationOnly = new TruthCard(card.organism(), card.summary(), relaxed);
        try (Model m = runtime.load(outcome.checkpoint())) {
            float[][] prev = HeadScores.measure(m, RepeatedTokens.twoCopies(new SplittableRandom(7),
                    m.config().dVocab(), 32, InductionOrganism.EVAL_HALF), InductionOrganism.EVAL_HALF).previousToken();
            int refutedByAblation = 0;
            for (int h = 0; h < m.config().nHeads(); h++) {
                if (h == prevHead) {
                    continue;
                }
                Claim wrong = headClaim(new HeadRef(0, h));
                ClaimVerdict v = new InductionScorer(card, m).verify("test", wrong);
                assertFalse(v.verified(), "L0H" + h + ": " + v.measured());
                assertTrue(v.falseClaim(), v.measured());
                ClaimVerdict a = new InductionScorer(ablationOnly, m).verify("test", wrong);
                assertTrue(a.measured().contains("mean-ablating L0H" + h + " raises"), a.measured());
                refutedByAblation += a.verified() ? 0 : 1;
                // the key-path control alone refutes a head that does not attend back, however much copying needs it
                if (prev[0][h] < InductionOrganism.MIN_PREV) {
                    assertFalse(a.verified(), "L0H" + h + " (previous-token score " + prev[0][h] + "): "
                            + a.measured());
                }
            }
            assertTrue(refutedByAblation >= 1, "the ablation alone refutes at least one wrong layer-0 head");
            List<HeadRef> layer0 = new ArrayList<>();
            for (int h = 0; h < m.config().nHeads(); h++) {
                layer0.add(new HeadRef(0, h));
            }
            ClaimVerdict every = new InductionScorer(ablationOnly, m).verify("test", Claim.of(ClaimKind.CIRCUIT,
                    "all of layer 0", ClaimSite.heads(layer0), true, ""));
            assertFalse(every.verified(), "naming every head leaves no control: " + every.measured());
        }
    }

    @Test
    void theBlindDataIsAGenericRepeatedTokenCorpusWithNoMeterNoBaseAndNoInsertion() {
        try (Model m = runtime.load(outcome.checkpoint())) {
            BlindData b = new InductionOrganism().blindData(m).orElseThrow();
            assertEquals(InductionOrganism.BLIND_CORPUS, b.corpus().size());
            for (String text : b.corpus()) {
                int[] ids = m.tokenizer().encode(text);
                assertEquals(2 * InductionOrganism.EVAL_HALF, ids.length, text);
                for (int i = 0; i < InductionOrganism.EVAL_HALF; i++) {
                    assertEquals(ids[i], ids[i + InductionOrganism.EVAL_HALF], "the second half repeats: " + text);
                }
            }
            assertTrue(b.meters().isEmpty() && b.promptSets().isEmpty() && b.comparisonCheckpoints().isEmpty());
            assertNull(b.insertion());
            assertEquals(b.corpus(), new InductionOrganism().blindData(m).orElseThrow().corpus(), "seeded");
        }
    }

    private static Claim headClaim(HeadRef head) {
        return Claim.of(ClaimKind.CIRCUIT, head + " is a previous-token head", ClaimSite.heads(List.of(head)), true,
                "a test claim");
    }
}
