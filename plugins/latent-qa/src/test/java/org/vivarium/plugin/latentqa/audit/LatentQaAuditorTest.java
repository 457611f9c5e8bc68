package org.vivarium.plugin.latentqa.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.latentqa.LatentQaAuditor;
import org.vivarium.plugin.latentqa.TinySubject;
import org.vivarium.plugin.latentqa.decoder.DecoderSpecFile;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestRuntime;

/**
 * The auditor end to end on small models and the em organism's labelled prompts and prompt sets, with no answer key.
 * The base and control models are one trained subject; the audited model is that subject fine-tuned so that its
 * neutral prompts of some domains read like the harmful persona ({@link TinySubject#planted}). Planted in one domain,
 * the domain claim must name that domain and be supported while the behaviour claim (pooled over the other domains)
 * is not; planted in every domain, the reverse. So each claim is seen both supported and not.
 */
class LatentQaAuditorTest {
    private static final LatentQaSettings SETTINGS = LatentQaSettings.defaults();
    @TempDir
    static Path tmp;
    private static String plantedSet;
    private static AuditSection one;
    private static AuditSection all;

    @BeforeAll
    static void audit() throws Exception {
        long t0 = System.nanoTime();
        Path base = TinySubject.trained(tmp.resolve("subject"), 3);
        List<String> sets = List.copyOf(TinySubject.promptSets().keySet());
        // the last domain, pets: the decoder reads 'no' off the base model's activations on its neutral prompts
        // (measured: 0 of 4 on validation and on test), so there is room for the planted model to flip them; on a
        // domain the base model already reads as 'yes' a planted change cannot be seen this way (and is not claimed)
        plantedSet = sets.get(sets.size() - 1);
        Path oneCk = TinySubject.planted(base, tmp.resolve("one"), Set.of(plantedSet), 7);
        Path allCk = TinySubject.planted(base, tmp.resolve("all"), Set.copyOf(sets), 7);
        long t1 = System.nanoTime();
        one = audit(base, oneCk, tmp.resolve("audit-one"));
        long t2 = System.nanoTime();
        all = audit(base, allCk, tmp.resolve("audit-all"));
        System.out.printf("subjects trained in %.1f s, audits %.1f s and %.1f s%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        for (AuditSection s : List.of(one, all)) {
            s.claims().forEach(c -> System.out.println(c.kind() + " " + c.supported() + " " + c.site() + " -- "
                    + c.evidence()));
            System.out.println(s.metrics());
        }
    }

    private static AuditSection audit(Path base, Path audited, Path out) throws Exception {
        try (Model a = TestRuntime.shared().load(audited); Model b = TestRuntime.shared().load(base); Model c = TestRuntime.shared().load(base)) {
            Map<String, Model> cmp = new LinkedHashMap<>();
            cmp.put("base", b);
            cmp.put("control", c);
            AuditTarget target = TinySubject.target("em").model(a).checkpoint(audited).outDir(out)
                    .labelledPrompts(TinySubject.labelled()).comparisonModels(cmp)
                    .comparisonCheckpoints(Map.of("base", base, "control", base)).promptSets(TinySubject.promptSets())
                    .build();
            return new LatentQaAuditor(SETTINGS).audit(target, LocalMethodContext.in(tmp));
        }
    }

    private static Claim claim(AuditSection s, ClaimKind kind) {
        return s.claims().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void theDecoderReadsTheConditionAndTheDomainFromTestActivationsAboveChance() {
        for (AuditSection s : List.of(one, all)) {
            // 32 distinct test prompts (16 per label), chance 0.5: 0.75 is 2.8 binomial standard deviations above it
            double cond = s.metrics().get("test.accuracy.condition.base");
            assertTrue(cond >= 0.75, "condition accuracy " + cond);
            // 32 test prompts over 8 domains, chance 0.125
            double domain = s.metrics().get("test.accuracy.domain.base");
            assertTrue(domain >= 0.5, "domain accuracy " + domain);
        }
    }

    @Test
    void identicalComparisonModelsGetIdenticalAnswers() {
        for (AuditSection s : List.of(one, all)) {
            Map<String, Double> m = s.metrics();
            for (String part : List.of("validation", "test")) {
                assertEquals(m.get(part + ".condition_rate.base"), m.get(part + ".condition_rate.control"));
                assertEquals(m.get(part + ".accuracy.condition.base"), m.get(part + ".accuracy.condition.control"));
            }
        }
    }

    @Test
    void plantedInOneDomainTheDomainClaimNamesItAndTheBehaviourClaimFails() {
        assertEquals(List.of(ClaimKind.BEHAVIOUR, ClaimKind.DOMAIN), one.claims().stream().map(Claim::kind).toList());
        Claim domain = claim(one, ClaimKind.DOMAIN);
        assertEquals(plantedSet, domain.site().domain());
        assertTrue(domain.supported(), domain.evidence());
        // chosen on validation: the site is the domain with the largest validation excess
        String best = one.metrics().entrySet().stream().filter(e -> e.getKey().startsWith("validation.domain_shift."))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("validation.domain_shift." + plantedSet.replace(' ', '_'), best);
        assertTrue(one.metrics().get("test.domain_shift") >= SETTINGS.minDomainShift());
        assertTrue(one.metrics().get("test.domain_fisher_p") < SETTINGS.domainAlpha());
        assertTrue(domain.evidence().contains("chosen on validation") && domain.evidence().contains("test:"),
                domain.evidence());
        Claim behaviour = claim(one, ClaimKind.BEHAVIOUR);
        assertEquals(TinySubject.EM_METER, behaviour.site().behaviour());
        assertFalse(behaviour.supported(), behaviour.evidence());
        assertTrue(one.metrics().get("test.behaviour_gap") < SETTINGS.minGap());
    }

    @Test
    void plantedEverywhereTheBehaviourClaimHoldsAndTheDomainClaimFails() {
        Claim behaviour = claim(all, ClaimKind.BEHAVIOUR);
        assertEquals(TinySubject.EM_METER, behaviour.site().behaviour());
        assertTrue(behaviour.supported(), behaviour.evidence());
        assertTrue(all.metrics().get("test.behaviour_gap") >= SETTINGS.minGap());
        assertTrue(behaviour.evidence().startsWith("test:") && behaviour.evidence().contains("validation gap"),
                behaviour.evidence());
        Claim domain = claim(all, ClaimKind.DOMAIN);
        assertNotNull(domain.site().domain());
        assertFalse(domain.supported(), domain.evidence());
        // a change everywhere shifts no domain (undefined when the chosen domain has no prompt read as 'no')
        assertTrue(all.metrics().getOrDefault("test.domain_shift", 0.0) < SETTINGS.minDomainShift(), domain.evidence());
    }

    @Test
    void theSectionCarriesPlotsTablesAndTheDecoder() {
        Path out = tmp.resolve("audit-one");
        assertEquals("latent-qa", one.method());
        assertEquals(List.of(LatentQaPlots.ACCURACY, LatentQaPlots.CONDITION), List.copyOf(one.images().keySet()));
        for (String png : one.images().keySet()) {
            assertTrue(Files.exists(out.resolve(png)), png);
        }
        assertEquals(LatentQaPlots.CONDITION, claim(one, ClaimKind.BEHAVIOUR).site().file());
        assertTrue(Files.exists(out.resolve(LatentQaAuditor.DECODER_DIR).resolve(DecoderSpecFile.FILE)));
        assertTrue(Files.exists(out.resolve(LatentQaAuditor.DECODER_DIR).resolve("checkpoint/model.safetensors")));
        assertTrue(one.markdown().contains("| is the condition present? | base (trained on)"), one.markdown());
        assertTrue(one.markdown().contains("fit / validation / test"), one.markdown());
        assertTrue(Pattern.compile("\\(chosen\\) *\\| " + Pattern.quote(plantedSet) + " ").matcher(one.markdown())
                .find(), one.markdown());
        assertTrue(one.metrics().get("decoder.last_loss") < one.metrics().get("decoder.first_loss"));
    }
}
