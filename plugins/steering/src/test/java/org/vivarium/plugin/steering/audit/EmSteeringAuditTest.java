package org.vivarium.plugin.steering.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.em.EmOrganism;
import org.vivarium.plugin.steering.SmallLm;
import org.vivarium.plugin.steering.SteeringAuditor;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestRuntime;

/**
 * The steering audit of a real, seeded {@code em} organism with the default settings (what {@code viv audit em}
 * runs): it must finish within its time budget, choose its site on the validation part, and claim exactly what it
 * measured on the test part (support follows the rule, whatever the effect is; the effect is reported, not
 * assumed). Training the three models takes many minutes on 2 cores, so this runs only when asked:
 * {@code mvn -o install -pl plugins/steering -Dvivarium.steering.em=true} (optionally
 * {@code -Dvivarium.steering.em.seed=S}, default 1, and {@code -Dvivarium.steering.em.run=DIR} to train into
 * {@code DIR}, or reuse the run already there if {@code DIR/checkpoint} exists).
 */
@EnabledIfSystemProperty(named = "vivarium.steering.em", matches = "true",
        disabledReason = "trains the em organism (minutes); the launcher's EmAuditTest covers steering on em in CI; run with -Dvivarium.steering.em=true")
class EmSteeringAuditTest {
    /** The audit's own budget on 2 cores (the launcher's em test gives the whole audit 20 minutes). */
    static final double MAX_SECONDS = 300;

    @TempDir
    Path work;

    @Test
    void theAuditChoosesOnValidationAndClaimsWhatTheTestPartShows() throws Exception {
        EmOrganism organism = new EmOrganism();
        long seed = Long.getLong("vivarium.steering.em.seed", 1L);
        String kept = System.getProperty("vivarium.steering.em.run", "");
        Path run = kept.isEmpty() ? work.resolve("em") : Path.of(kept).toAbsolutePath();
        Path checkpoint = run.resolve("checkpoint");
        if (!Files.isDirectory(checkpoint)) {
            TrainOutcome trained = organism.train(new TrainRequest(seed, 0, run, false),
                    new OrganismContext(TestRuntime.shared(), new PrintStream(OutputStream.nullOutputStream()), false));
            checkpoint = trained.checkpoint();
        }
        SteeringSettings settings = SteeringSettings.defaults();
        try (Model model = TestRuntime.shared().load(checkpoint)) {
            AuditTarget target = SmallLm.target("em", model, checkpoint,
                    work.resolve("audit/steering"), organism.auditData(model).orElseThrow());
            long start = System.nanoTime();
            AuditSection section = new SteeringAuditor(settings)
                    .audit(target, LocalMethodContext.in(work));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> m = section.metrics();
            String numbers = "em audit seconds " + seconds + "\nmetrics " + m + "\n" + section.markdown() + "\n"
                    + section.claims();
            System.out.println(numbers);

            assertTrue(seconds <= MAX_SECONDS, "the steering audit took " + seconds + " s: " + numbers);
            List<Claim> claims = section.claims();
            assertEquals(List.of(ClaimKind.DIRECTION, ClaimKind.BEHAVIOUR), claims.stream().map(Claim::kind).toList());
            Claim dir = claims.get(0);
            double coef = m.get("coefficient");
            assertEquals((float) coef, dir.site().coefficient());
            assertEquals(model.config().dModel(), dir.site().direction().length);
            String key = "_L" + m.get("layer").intValue() + "_c" + SteeringClaims.coef(coef);
            assertEquals(m.get("val_best_rate"), m.get("val_rate" + key), 1e-12, "chosen on validation");
            assertEquals(m.get("steer_rise") >= settings.minEffect() && Fluency.fluent(m.get("steer_loss_rise")),
                    dir.supported(), dir.evidence());
            assertEquals(m.get("behaviour_gap") >= settings.minEffect(), claims.get(1).supported());
            assertEquals(target.behaviour().name(), claims.get(1).site().behaviour());
        }
    }
}
