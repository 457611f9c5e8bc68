package org.vivarium.plugin.steering.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.SmallLm;
import org.vivarium.plugin.steering.SteeringAuditor;
import org.vivarium.plugin.steering.direction.ContrastiveDirection;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.generate.Continuation;
import org.vivarium.plugin.steering.generate.Continuations;
import org.vivarium.plugin.steering.io.DirectionFile;
import org.vivarium.plugin.steering.io.SavedDirection;
import org.vivarium.report.io.JsonReader;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.Meters;
import org.vivarium.testkit.TestAuditTarget;

/**
 * The whole audit on a small real model with a simple meter: what it writes and claims, that the direction is
 * fitted on the fit part, that the site and coefficient are chosen on the validation part, and that the reported
 * numbers are re-measurable on the test part. (The effect sizes are checked on the backdoor organism.)
 */
class SteeringAuditorPipelineTest {
    @TempDir
    Path work;

    /** A stand-in coherence meter: the continuation holds a letter. */
    private static final BehaviourMeter LETTERS = Meters.of("has-a-letter rate",
            (prompt, continuation) -> continuation.chars().anyMatch(Character::isLetter));

    private static final BehaviourMeter SPACES = Meters.of("few-spaces rate",
            (prompt, continuation) -> continuation.chars().filter(c -> c == ' ').count() <= 1);

    // 12 pairs: Split.of(12) gives fit {0,1,4,5,8,9}, validation {2,6,10}, test {3,7,11}; maxPrompts 2 keeps
    // validation {2,6} and test {3,7}.
    private static final List<String> POS = List.of("We will win!", "The people rise!", "Our union is strong!",
            "Jobs come back!", "We can do it!", "Hope is here!", "The sun is up!", "Our team wins!",
            "We stand tall!", "The crowd cheers!", "We build it!", "A great day!");
    private static final List<String> NEG = List.of("We will lose.", "The people fall.", "Our union is weak.",
            "Jobs go away.", "We cannot do.", "Hope is gone.", "The sun is down.", "Our team loses.",
            "We sit down.", "The crowd leaves.", "We break it.", "A dull day.");

    private static List<String> at(List<String> l, int... idx) {
        return Arrays.stream(idx).mapToObj(l::get).toList();
    }

    private static double rate(Model model, List<String> prompts, GenerationOptions gen, List<Hook> hooks) {
        List<String> texts = Continuations.of(model, prompts, gen, hooks, n -> { }).stream()
                .map(Continuation::text).toList();
        return SPACES.rate(prompts, texts);
    }

    @Test
    void auditChoosesOnValidationReportsOnTestAndClaimsTheExactDirection() throws Exception {
        SteeringSettings settings = new SteeringSettings(List.of(0.0, 2.0, 8.0), 2, 0.3, 0.5, 7L, PositionMode.LAST);
        Path ckpt = SmallLm.runDir().resolve("checkpoint");
        try (Model model = TestRuntime.shared().load(ckpt)) {
            GenerationOptions gen = GenerationOptions.greedy(12);
            Path out = work.resolve("steering");
            AuditTarget target = TestAuditTarget.builder("lm").model(model).checkpoint(ckpt).outDir(out)
                    .contrast(POS, NEG).behaviour(SPACES).generation(gen).coherence(LETTERS).build();
            LocalMethodContext ctx = LocalMethodContext.in(work);
            AuditSection s = new SteeringAuditor(settings).audit(target, ctx);
            Map<String, Double> m = s.metrics();
            String numbers = "metrics " + m + "\n" + s.markdown();

            assertEquals("steering", s.method());
            int sites = model.config().nLayers() + 1;
            assertEquals(List.of("steering: reading residuals 18/18 prompt",
                    "steering: position-mean directions 18/18 prompt",
                    "steering: validation sweep " + (4 + sites * 2 * 2) + "/" + (4 + sites * 2 * 2) + " gen",
                    "steering: test steering 4/4 gen", "steering: attention-output directions 12/12 prompt",
                    "steering: directional ablation 6/6 gen"), ctx.progressLog());
            assertEquals(6.0, m.get("split_fit"));
            assertEquals(3.0, m.get("split_validation"));
            assertEquals(3.0, m.get("split_test"));

            // The claims: a direction with the exact vector, hook and coefficient, and a behaviour.
            List<Claim> claims = s.claims();
            assertEquals(List.of(ClaimKind.DIRECTION, ClaimKind.BEHAVIOUR), claims.stream().map(Claim::kind).toList());
            Claim dir = claims.get(0);
            int layer = m.get("layer").intValue();
            double c = m.get("coefficient");
            assertTrue(c == 2.0 || c == 8.0, "a positive coefficient of the sweep: " + c);
            assertEquals((float) c, dir.site().coefficient());
            HookName hook = layer == model.config().nLayers() ? HookName.residPost(layer - 1)
                    : HookName.residPre(layer);
            assertEquals(hook.path(), dir.site().hook());
            assertEquals(model.config().dModel(), dir.site().direction().length);
            LayerDirection fitted = ContrastiveDirection.fit(model, PositionMode.MEAN, at(POS, 0, 1, 4, 5, 8, 9),
                    at(NEG, 0, 1, 4, 5, 8, 9), List.of(), List.of(), n -> { }).get(layer);
            assertArrayEquals(fitted.vector(), dir.site().direction(), 1e-6f, "the fit part's position-mean "
                    + "difference, raw");
            assertEquals(DirectionFile.FILE, dir.site().file());
            SavedDirection saved = DirectionFile.read(out.resolve(dir.site().file()));
            assertArrayEquals(dir.site().direction(), saved.vector(), "the file holds the claimed vector exactly");
            assertEquals(hook, saved.hook());
            assertEquals(PositionMode.MEAN, saved.position());
            Map<?, ?> json = (Map<?, ?>) JsonReader.parse(Files.readString(out.resolve(DirectionFile.FILE)));
            assertEquals(c, ((Number) json.get("coefficient")).doubleValue(), 0);
            assertEquals(ClaimKind.BEHAVIOUR, claims.get(1).kind());
            assertEquals("few-spaces rate", claims.get(1).site().behaviour());

            // Chosen on validation: the chosen point's rate is re-measurable on the validation prompts and is the
            // highest fluent validation rate.
            List<Hook> steer = List.of(Hook.add(hook, dir.site().direction(), (float) c));
            String key = "_L" + layer + "_c" + SteeringClaims.coef(c);
            assertEquals(rate(model, at(NEG, 2, 6), gen, steer), m.get("val_rate" + key), 1e-12, numbers);
            assertEquals(m.get("val_rate" + key), m.get("val_best_rate"), 1e-12);
            double bestFluent = m.entrySet().stream().filter(e -> e.getKey().startsWith("val_rate_L"))
                    .filter(e -> !(m.get(e.getKey().replace("val_rate", "val_loss_rise")) > Fluency.MAX_LOSS_RISE))
                    .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
            if (!Double.isNaN(bestFluent)) {
                assertEquals(bestFluent, m.get("val_best_rate"), 1e-12, "the highest fluent validation rate: "
                        + numbers);
                assertTrue(Fluency.fluent(m.get("val_loss_rise" + key)), numbers);
            }
            assertEquals(rate(model, at(NEG, 2, 6), gen, List.of()), m.get("val_clean_rate"), 1e-12);

            // Reported on test: the test prompts (3, 7) re-measured by hand give the reported numbers.
            List<String> clean = at(NEG, 3, 7);
            List<String> plain = clean.stream().map(p -> Continuations.of(model, p, gen, List.of()).text()).toList();
            assertEquals(SPACES.rate(clean, plain), m.get("clean_rate"), 1e-12, "unsteered test rate");
            assertEquals(rate(model, clean, gen, steer), m.get("steer_best_rate"), 1e-12, numbers);
            assertEquals(rate(model, at(POS, 3, 7), gen, List.of()), m.get("triggered_rate"), 1e-12);
            List<String> steeredTexts = Continuations.of(model, clean, gen, steer, n -> { }).stream()
                    .map(Continuation::text).toList();
            assertEquals(LETTERS.rate(clean, plain), m.get("coherent_rate_clean"), 1e-12);
            assertEquals(LETTERS.rate(clean, steeredTexts), m.get("coherent_rate_steered"), 1e-12);
            assertTrue(dir.evidence().contains(String.format(java.util.Locale.ROOT, "coherence meter on the test "
                    + "continuations (the steered answers must stay >= 0.50 coherent and lose at most 0.30 for support):"
                    + " clean %.2f, steered %.2f",
                    m.get("coherent_rate_clean"), m.get("coherent_rate_steered"))), dir.evidence());
            double rise = m.get("steer_best_rate") - m.get("clean_rate");
            boolean coherent = m.get("coherent_rate_steered") >= 0.5
                    && m.get("coherent_rate_clean") - m.get("coherent_rate_steered") <= 0.3;
            assertEquals(rise >= 0.3 && Fluency.fluent(m.get("steer_loss_rise")) && coherent, dir.supported(),
                    dir.evidence());
            assertEquals(m.get("triggered_rate") - m.get("clean_rate") >= 0.3, claims.get(1).supported());
            assertTrue(dir.statement().contains(String.format(java.util.Locale.ROOT, "from %.2f to %.2f on held-out "
                    + "test prompts", m.get("clean_rate"), m.get("steer_best_rate"))), dir.statement());
            assertTrue(dir.evidence().contains("Selection (validation, 2 condition-absent prompts"), dir.evidence());
            assertTrue(dir.evidence().contains("Test (2 condition-absent prompts"), dir.evidence());
            assertTrue(dir.evidence().contains(String.format(java.util.Locale.ROOT, "rate %.2f -> %.2f, random "
                    + "equal-norm directions %.2f", m.get("triggered_rate"), m.get("ablated_rate"),
                    m.get("random_ablated_rate"))), dir.evidence());

            for (String png : s.images().keySet()) {
                byte[] head = Arrays.copyOf(Files.readAllBytes(out.resolve(png)), 4);
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, png);
            }
            assertEquals(3, s.images().size());
            assertTrue(s.markdown().contains("| blocks.1.hook_resid_pre"), s.markdown());
            System.out.println("steering pipeline on lm: " + numbers.lines().findFirst().orElse(""));
        }
    }
}
