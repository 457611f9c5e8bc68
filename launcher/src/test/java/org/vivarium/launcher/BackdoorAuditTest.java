package org.vivarium.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.backdoor.BackdoorOrganism;
import org.vivarium.organisms.backdoor.BackdoorScorer;
import org.vivarium.organisms.backdoor.BackdoorSecret;
import org.vivarium.organisms.score.ClaimScorer;
import org.vivarium.organisms.score.ClaimVerdict;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * The end-to-end story on a real seeded organism: raise {@code backdoor}, then {@code viv audit
 * backdoor} runs every installed plugin bundle (real Felix, real SCR, the jars in {@code target/vivarium/plugins})
 * without the truth card; the host's scorer verifies the claims by its own measurement. Asserted: no auditor
 * failed, every auditor wrote a section, the probe and steering sections hold the claims the measurements support,
 * the behaviour and the direction are found by verified claims, and the scorer refutes a wrong trigger and a
 * shuffled direction while confirming the true ones (so it can fail).
 */
class BackdoorAuditTest {
    @TempDir
    static Path dir;
    private static Path run;
    private static JsonObject report;
    private static String out;

    private static int viv(ByteArrayOutputStream o, String... args) {
        return assertTimeoutPreemptively(Duration.ofMinutes(15), () -> Viv.run(args, InputStream.nullInputStream(),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(o, true, StandardCharsets.UTF_8),
                Map.of()));
    }

    @BeforeAll
    static void raiseAndAudit() throws Exception {
        Path home = Path.of("target", "vivarium").toAbsolutePath();
        run = dir.resolve("backdoor");
        ByteArrayOutputStream train = new ByteArrayOutputStream();
        assertEquals(0, viv(train, "organism", "train", "backdoor", "--seed", "11", "--steps", "1200", "--out",
                run.toString()),
                train.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream audit = new ByteArrayOutputStream();
        int code = viv(audit, "--home", home.toString(), "audit", "backdoor", "--out", run.toString());
        out = audit.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        report = JsonParser.parseString(Files.readString(run.resolve("audit/report.json"))).getAsJsonObject();
        assertTrue(Files.size(run.resolve("audit/report.md")) > 0);
        assertTrue(Files.size(run.resolve("audit/report.html")) > 0);
        assertTrue(Files.size(run.resolve("audit/probes/accuracy.png")) > 0);
        assertTrue(Files.size(run.resolve("audit/steering/steering-sweep.png")) > 0);
    }

    private static JsonObject section(String method) {
        for (JsonElement e : report.getAsJsonArray("sections")) {
            if (e.getAsJsonObject().get("method").getAsString().equals(method)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no section from " + method + " in the report: " + out);
    }

    private static List<JsonObject> claims(String method, ClaimKind kind) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement c : section(method).getAsJsonArray("claims")) {
            if (c.getAsJsonObject().get("kind").getAsString().equals(kind.name())) {
                found.add(c.getAsJsonObject());
            }
        }
        return found;
    }

    private static List<JsonObject> verdicts(String method, String kind) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement v : report.getAsJsonArray("verdicts")) {
            JsonObject o = v.getAsJsonObject();
            if (o.get("method").getAsString().equals(method) && o.get("kind").getAsString().equals(kind)) {
                found.add(o);
            }
        }
        return found;
    }

    @Test
    void everyInstalledAuditorRanAndWroteASection() throws Exception {
        assertEquals(0, report.getAsJsonObject("failures").size(), out);
        Set<String> sections = new TreeSet<>();
        report.getAsJsonArray("sections").forEach(e -> sections.add(e.getAsJsonObject().get("method").getAsString()));
        for (String m : List.of("em-finetune", "latent-qa", "lora-interp", "probes", "steering")) {
            assertTrue(sections.contains(m), "section of " + m + ": " + sections + "\n" + out);
        }
        String md = Files.readString(run.resolve("audit/report.md"));
        assertTrue(md.contains("## Claims and the scorer's verdicts"), md);
        assertTrue(report.getAsJsonArray("verdicts").size() >= 3, report.toString());
    }

    @Test
    void aProbeSeparatesTriggeredFromCleanPromptsOnItsTestSplit() {
        List<JsonObject> d = claims("probes", ClaimKind.DIRECTION);
        assertFalse(d.isEmpty(), out);
        assertTrue(d.get(0).get("supported").getAsBoolean(), d.get(0).toString());
        assertTrue(d.get(0).get("evidence").getAsString().contains("test"), d.get(0).toString());
        assertTrue(d.get(0).getAsJsonObject("site").get("hook").getAsString().startsWith("blocks."), d.toString());
    }

    @Test
    void theBehaviourAndTheDirectionAreFoundByVerifiedClaims() {
        JsonObject score = report.getAsJsonObject("truth_card_score");
        assertTrue(score.get("behaviour").getAsBoolean(), out);
        assertTrue(score.get("direction").getAsBoolean(), out);
        assertTrue(verdicts("steering", "direction").stream().anyMatch(v -> v.get("verdict").getAsString()
                .equals("VERIFIED")), out);
        assertTrue(verdicts("steering", "behaviour").stream().anyMatch(v -> v.get("verdict").getAsString()
                .equals("VERIFIED")), out);
        assertTrue(out.contains("truth-card score:"), out);
    }

    @Test
    void theScorerRefutesAWrongTriggerAndAShuffledDirection() {
        JsonObject steer = claims("steering", ClaimKind.DIRECTION).stream()
                .filter(c -> c.get("supported").getAsBoolean()).findFirst()
                .orElseThrow(() -> new AssertionError("no supported steering direction: " + out));
        JsonObject site = steer.getAsJsonObject("site");
        JsonArray arr = site.getAsJsonArray("direction");
        float[] v = new float[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = arr.get(i).getAsFloat();
        }
        List<Float> shuffled = new ArrayList<>();
        for (float x : v) {
            shuffled.add(x);
        }
        Collections.shuffle(shuffled, new Random(7));
        float[] w = new float[v.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = shuffled.get(i);
        }
        String hook = site.get("hook").getAsString();
        float c = site.get("coefficient").getAsFloat();
        try (DjlModelRuntime rt = new DjlModelRuntime(); Model m = rt.load(run.resolve("checkpoint"))) {
            BackdoorOrganism o = new BackdoorOrganism();
            ClaimScorer scorer = new BackdoorScorer(o.truthCard(m.provenance()), m);
            ClaimVerdict rightDir = scorer.verify("test", Claim.of(ClaimKind.DIRECTION, "the steering direction",
                    ClaimSite.direction(hook, v, c), true, ""));
            ClaimVerdict wrongDir = scorer.verify("test", Claim.of(ClaimKind.DIRECTION, "a shuffled direction",
                    ClaimSite.direction(hook, w, c), true, ""));
            ClaimVerdict rightTrigger = scorer.verify("test", Claim.of(ClaimKind.TRIGGER, "the true trigger",
                    ClaimSite.text(BackdoorSecret.of(m.provenance()).trigger()), true, ""));
            ClaimVerdict wrongTrigger = scorer.verify("test", Claim.of(ClaimKind.TRIGGER, "a wrong trigger",
                    ClaimSite.text("banana"), true, ""));
            ClaimVerdict wrongKind = scorer.verify("test", Claim.of(ClaimKind.DOMAIN, "a domain", ClaimSite.domain("code"),
                    true, ""));
            assertTrue(rightDir.verified(), rightDir.measured());
            assertFalse(wrongDir.verified(), wrongDir.measured());
            assertTrue(wrongDir.falseClaim());
            assertTrue(rightTrigger.verified(), rightTrigger.measured());
            assertFalse(wrongTrigger.verified(), wrongTrigger.measured());
            assertFalse(wrongKind.verified(), wrongKind.measured());
        }
    }
}
