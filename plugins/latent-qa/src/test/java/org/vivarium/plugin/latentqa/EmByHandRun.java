package org.vivarium.plugin.latentqa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.AuditFinding;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.AuditData;
import org.vivarium.organisms.em.EmOrganism;
import org.vivarium.plugin.latentqa.audit.LatentQaSettings;
import org.vivarium.plugin.latentqa.decoder.TrainSettings;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.local.LocalMethodContext;

/**
 * The latent-QA audit of a trained {@code em} organism, by hand: skipped unless {@code -Dlatentqa.em=RUN_DIR} names
 * a {@code viv organism train em} run directory (with {@code checkpoint/}, {@code base/checkpoint/} and
 * {@code control/checkpoint/}), which is only read. Writes the section to {@code -Dlatentqa.out} (default
 * {@code target/em-latent-qa}) and prints it. Optional: {@code -Dlatentqa.seed}, {@code .steps}, {@code .lr},
 * {@code .layer} (subject block read, default the last), {@code .inject} (decoder hook) and {@code .scale}.
 *
 * <pre>
 * mvn -B -ntp -o test -f plugins/latent-qa/pom.xml -Dtest=EmByHandRun -Dlatentqa.em=/tmp/em2 -Dlatentqa.seed=1
 * </pre>
 */
class EmByHandRun {

    @Test
    void auditTheTrainedEmOrganism() throws Exception {
        String run = System.getProperty("latentqa.em", "");
        assumeTrue(!run.isEmpty(), "set -Dlatentqa.em=RUN_DIR to audit a trained em organism");
        Path dir = Path.of(run);
        Path out = Path.of(System.getProperty("latentqa.out", "target/em-latent-qa"));
        Files.createDirectories(out);
        TrainSettings t = TrainSettings.defaults()
                .injecting(System.getProperty("latentqa.inject", TrainSettings.DEFAULT_INJECT_HOOK),
                        Float.parseFloat(System.getProperty("latentqa.scale", "1")))
                .with(Integer.getInteger("latentqa.steps", 400), Double.parseDouble(System.getProperty("latentqa.lr",
                        "1e-3")), Long.getLong("latentqa.seed", 1L));
        LatentQaSettings d = LatentQaSettings.defaults();
        LatentQaSettings s = new LatentQaSettings(t, Integer.getInteger("latentqa.layer", d.readLayer()), d.maxPerSet(),
                d.minConditionAccuracy(), d.minDomainAccuracy(), d.minGap());
        EmOrganism em = new EmOrganism();
        long t0 = System.nanoTime();
        try (DjlModelRuntime rt = new DjlModelRuntime(); Model model = rt.load(dir.resolve("checkpoint"));
                Model base = rt.load(dir.resolve("base/checkpoint"));
                Model control = rt.load(dir.resolve("control/checkpoint"))) {
            AuditData data = em.auditData(model).orElseThrow();
            Map<String, Model> cmp = new LinkedHashMap<>();
            cmp.put("base", base);
            cmp.put("control", control);
            TestAuditTarget target = new TestAuditTarget("em", model, dir.resolve("checkpoint"), em.truthCard(), out,
                    data.labelledPrompts(), cmp, data.extras().promptSets());
            AuditSection sec = new LatentQaAuditor(s).audit(target, new LocalMethodContext(rt, out));
            System.out.println("## " + sec.title());
            for (AuditFinding f : sec.findings()) {
                System.out.println("- " + (f.supported() ? "SUPPORTED" : "NOT SUPPORTED") + " [" + f.truthCardKind()
                        + "] " + f.claim() + " -- " + f.evidence());
            }
            System.out.println(sec.markdown());
            System.out.printf("elapsed %.1f s%n", (System.nanoTime() - t0) / 1e9);
            assertFalse(sec.findings().isEmpty());
        }
    }
}
