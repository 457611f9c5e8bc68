package org.vivarium.organisms.induction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.Model;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * Raises the induction organism for real (seeded, default length) and checks that the planted
 * circuit is found: previous-token head in L0, induction head in L1, and the causal ablation effect.
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
}
