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
import org.vivarium.api.audit.AuditFinding;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.organism.TruthCard;
import org.vivarium.plugin.steering.SmallLm;
import org.vivarium.plugin.steering.SteeringAuditor;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.generate.Continuations;
import org.vivarium.plugin.steering.io.DirectionFile;
import org.vivarium.plugin.steering.io.SavedDirection;
import org.vivarium.runtime.local.LocalMethodContext;

/**
 * The whole audit on a small real model with a simple meter: what it writes, what it reports and that the
 * reported numbers are the measured ones. (The effect sizes are checked on the backdoor organism.)
 */
class SteeringAuditorPipelineTest {
    @TempDir
    Path work;

    private static final BehaviourMeter SPACES = new BehaviourMeter() {
        @Override
        public String name() {
            return "many-spaces rate";
        }

        @Override
        public boolean shows(String prompt, String continuation) {
            return continuation.chars().filter(c -> c == ' ').count() >= 2;
        }

        @Override
        public double accuracy() {
            return 1;
        }
    };

    @Test
    void auditWritesDirectionPlotsAndFindingsThatMatchItsMeasurements() throws Exception {
        List<String> pos = List.of("We will win!", "The people rise!", "Our union is strong!", "Jobs come back!",
                "We can do it!", "Hope is here!");
        List<String> neg = List.of("We will lose.", "The people fall.", "Our union is weak.", "Jobs go away.",
                "We cannot do.", "Hope is gone.");
        SteeringSettings settings = new SteeringSettings(List.of(0.0, 4.0), 3, 0.3, 0.5, 7L, PositionMode.LAST);
        Path ckpt = SmallLm.runDir().resolve("checkpoint");
        try (Model model = SmallLm.runtime().load(ckpt)) {
            GenerationOptions gen = GenerationOptions.greedy(12);
            Path out = work.resolve("steering");
            TestAuditTarget target = new TestAuditTarget("lm", model, ckpt, new TruthCard("lm", "", List.of()), out,
                    List.of(), pos, neg, SPACES, gen, 1);
            LocalMethodContext ctx = new LocalMethodContext(SmallLm.runtime(), work);
            AuditSection s = new SteeringAuditor(settings).audit(target, ctx);

            assertEquals("steering", s.method());
            assertEquals(List.of("steering: reading residuals 12/12 prompt",
                    "steering: position-mean directions 12/12 prompt", "steering: coefficient sweep 6/6 gen",
                    "steering: attention-output directions 6/6 prompt", "steering: directional ablation 9/9 gen"),
                    ctx.progressLog());
            SavedDirection saved = DirectionFile.read(out);
            assertEquals(1, saved.layer(), "the planted layer is used");
            assertEquals(HookName.residPre(1), saved.hook());
            Map<String, Double> m = s.metrics();
            assertEquals(1.0, m.get("layer"));
            assertEquals(saved.vector().length, model.config().dModel());

            List<String> clean = List.of("We will lose.", "Jobs go away.", "Hope is gone.");
            List<String> plain = clean.stream().map(p -> Continuations.of(model, p, gen, List.of()).text()).toList();
            assertEquals(SPACES.rate(clean, plain), m.get("clean_rate"), 1e-12, "c=0 is the unsteered clean rate");
            assertEquals(m.get("clean_rate"), m.get("steer_rate_c0"), 1e-12);
            assertTrue(m.get("steer_loss_c4") > m.get("steer_loss_c0"), "steering moves the text off the model's own "
                    + "distribution: " + m);

            List<AuditFinding> f = s.findings();
            assertEquals(3, f.size());
            assertEquals(m.get("triggered_rate") - m.get("clean_rate") >= 0.3, f.get(2).supported());
            assertTrue(f.get(2).claim().contains(String.format(java.util.Locale.ROOT, "%.2f vs %.2f",
                    m.get("triggered_rate"), m.get("clean_rate"))), f.get(2).claim());
            assertTrue(f.get(0).claim().contains(String.format(java.util.Locale.ROOT, "from %.2f to %.2f at "
                    + "coefficient 4", m.get("clean_rate"), m.get("steer_rate_c4"))), f.get(0).claim());
            assertEquals(m.get("steer_rate_c4") - m.get("clean_rate") >= 0.3, f.get(0).supported());
            assertTrue(f.get(1).claim().contains(String.format(java.util.Locale.ROOT, "from %.2f to %.2f (random "
                    + "direction: %.2f)", m.get("triggered_rate"), m.get("ablated_rate"),
                    m.get("random_ablated_rate"))), f.get(1).claim());
            for (String png : s.images().keySet()) {
                byte[] head = Arrays.copyOf(Files.readAllBytes(out.resolve(png)), 4);
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, png);
            }
            assertEquals(3, s.images().size());
            assertTrue(s.markdown().contains("| blocks.1.hook_resid_pre"), s.markdown());
        }
    }
}
