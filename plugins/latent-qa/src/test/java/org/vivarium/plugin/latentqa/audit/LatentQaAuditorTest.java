package org.vivarium.plugin.latentqa.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.AuditFinding;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.em.EmOrganism;
import org.vivarium.plugin.latentqa.LatentQaAuditor;
import org.vivarium.plugin.latentqa.TestAuditTarget;
import org.vivarium.runtime.local.LocalMethodContext;
import org.vivarium.plugin.latentqa.TinySubject;
import org.vivarium.plugin.latentqa.decoder.DecoderSpecFile;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * The auditor end to end on a small random model and the em organism's labelled prompts: the decoder reads the
 * persona and the domain from held-out activations well above chance, and the section carries findings, metrics,
 * plots and the decoder.
 */
class LatentQaAuditorTest {
    /** Defaults, but 8 prompts per prompt set (4 train, 4 held out) to keep the test fast. */
    private static final LatentQaSettings SETTINGS = new LatentQaSettings(LatentQaSettings.defaults().train(), -1, 8,
            0.8, 0.5, 0.15);
    @TempDir
    static Path tmp;
    private static DjlModelRuntime rt;
    private static AuditSection section;
    private static Path out;

    @BeforeAll
    static void audit() throws Exception {
        rt = new DjlModelRuntime();
        long t0 = System.nanoTime();
        Path ck = TinySubject.trained(tmp.resolve("subject"), rt, 3);
        long t1 = System.nanoTime();
        out = tmp.resolve("audit");
        try (Model audited = rt.load(ck); Model base = rt.load(ck); Model control = rt.load(ck)) {
            Map<String, Model> cmp = new LinkedHashMap<>();
            cmp.put("base", base);
            cmp.put("control", control);
            TestAuditTarget target = new TestAuditTarget("em", audited, ck, new EmOrganism().truthCard(), out,
                    TinySubject.labelled(), cmp, TinySubject.promptSets());
            section = new LatentQaAuditor(SETTINGS).audit(target, new LocalMethodContext(rt, tmp));
        }
        System.out.printf("tiny subject trained in %.1f s, audited in %.1f s%n%s%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9, section.findings());
    }

    @AfterAll
    static void close() {
        rt.close();
    }

    @Test
    void theDecoderReadsPersonaAndDomainFromHeldOutActivationsAboveChance() {
        double persona = section.metrics().get("accuracy.persona.base");
        double domain = section.metrics().get("accuracy.domain.base");
        // about 60 distinct held-out prompts (repeats dropped), chance 0.5: 0.75 is nearly 4 binomial standard
        // deviations above it
        assertTrue(persona >= 0.75, "persona accuracy " + persona);
        // 32 held-out prompts over 8 domains, chance 0.125
        assertTrue(domain >= 0.5, "domain accuracy " + domain);
        AuditFinding reads = section.findings().get(0);
        assertEquals("direction", reads.truthCardKind());
        assertTrue(reads.supported(), reads.evidence());
    }

    @Test
    void identicalModelsGetIdenticalAnswersSoTheAuditedModelFindingIsNotSupported() {
        Map<String, Double> m = section.metrics();
        assertEquals(m.get("condition_rate.base"), m.get("condition_rate.em"));
        assertEquals(m.get("condition_rate.control"), m.get("condition_rate.em"));
        assertEquals(m.get("accuracy.persona.base"), m.get("accuracy.persona.em"));
        AuditFinding em = section.findings().stream().filter(f -> f.truthCardKind().equals("emergent-misalignment"))
                .findFirst().orElseThrow();
        assertFalse(em.supported(), em.evidence());
        assertTrue(em.evidence().contains("gap +0.00"), em.evidence());
    }

    @Test
    void theSectionCarriesPlotsTablesAndTheDecoder() {
        assertEquals("latent-qa", section.method());
        assertEquals(List.of(LatentQaPlots.ACCURACY, LatentQaPlots.CONDITION), List.copyOf(section.images().keySet()));
        for (String png : section.images().keySet()) {
            assertTrue(Files.exists(out.resolve(png)), png);
        }
        assertTrue(Files.exists(out.resolve(LatentQaAuditor.DECODER_DIR).resolve(DecoderSpecFile.FILE)));
        assertTrue(Files.exists(out.resolve(LatentQaAuditor.DECODER_DIR).resolve("checkpoint/model.safetensors")));
        assertTrue(section.markdown().contains("| which persona? | base (trained on)"), section.markdown());
        assertTrue(section.metrics().get("decoder.last_loss") < section.metrics().get("decoder.first_loss"));
    }
}
