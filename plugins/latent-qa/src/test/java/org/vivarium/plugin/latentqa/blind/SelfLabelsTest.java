package org.vivarium.plugin.latentqa.blind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.latentqa.LatentQaAuditor;
import org.vivarium.plugin.latentqa.TinySubject;
import org.vivarium.plugin.latentqa.audit.LatentQaSettings;
import org.vivarium.plugin.latentqa.eval.AuditItems;
import org.vivarium.plugin.latentqa.eval.Part;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.Meters;
import org.vivarium.testkit.TestAuditTarget;
import org.vivarium.testkit.TestRuntime;

/**
 * Blind self-labelling on the small trained subject of the other latent-qa tests (it answers each prompt-set prompt
 * with a letter naming its domain, so its sampled answers vary with the domain and the sampling): the answers are
 * labelled by the meter (checked here without the meter object), the first meter that gives enough of both labels
 * is used, every model is read on its own answer starts, and a meter that never fires leaves the condition question
 * untrainable with no claim.
 */
class SelfLabelsTest {
    /** Small sampling: 2 answers per fit prompt, 1 per held-out prompt, 8 tokens, starts of 4 cut twice. */
    private static final SelfLabelSettings SMALL = new SelfLabelSettings(2, 1, 4, 2, 1.0f, 10);
    private static final GenerationOptions GENERATION = new GenerationOptions(8, 0f, 0, 5L);
    private static final String VOWELS = "aeiou";
    @TempDir
    static Path tmp;
    private static Path subject;
    private static Model base;
    private static Model audited;

    @BeforeAll
    static void subject() {
        subject = TinySubject.trained(tmp.resolve("subject"), 3);
        base = TestRuntime.shared().load(subject);
        audited = TestRuntime.shared().load(subject);
    }

    @AfterAll
    static void close() {
        base.close();
        audited.close();
    }

    private static boolean startsWithVowel(String answer) {
        return !answer.isEmpty() && VOWELS.indexOf(answer.charAt(0)) >= 0;
    }

    private static AuditTarget target(Map<String, BehaviourMeter> meters, Path out) {
        return TestAuditTarget.builder("em").model(audited).checkpoint(subject).outDir(out)
                .comparisonModels(Map.of(LatentQaAuditor.BASE, base))
                .comparisonCheckpoints(Map.of(LatentQaAuditor.BASE, subject)).promptSets(TinySubject.promptSets())
                .generation(GENERATION).blind(List.of("user: hi\nbot:"), meters).build();
    }

    private static Map<String, Model> subjects() {
        Map<String, Model> m = new LinkedHashMap<>();
        m.put(LatentQaAuditor.BASE, base);
        m.put("em", audited);
        return m;
    }

    @Test
    void answersAreLabelledByTheFirstMeterThatGivesBothLabelsAndEveryModelIsReadOnItsOwnAnswers() {
        Map<String, BehaviourMeter> meters = new LinkedHashMap<>();
        meters.put("never", Meters.never("never"));
        meters.put("vowel", Meters.of("vowel", (prompt, answer) -> startsWithVowel(answer)));
        AuditTarget t = target(meters, tmp.resolve("labels"));
        AuditItems items = AuditItems.of(t, 0);
        BlindReading r = BlindReading.sample(t, items, 0, subjects(), LatentQaAuditor.BASE, SMALL,
                LocalMethodContext.in(tmp));
        SelfLabels labels = r.labels();
        assertTrue(labels.trainable(), labels.describe());
        assertEquals("vowel", labels.meter(), "the never-firing meter is skipped");
        assertEquals(0, labels.available().get("never")[0]);
        List<String> fitPrompts = AuditItems.fitPrompts(t, 0);
        assertEquals(fitPrompts.size() * SMALL.fitSamples(), labels.fit().size());
        int yes = 0;
        for (SelfLabels.Labelled l : labels.fit()) {
            Sample s = l.sample();
            assertEquals(startsWithVowel(s.answer()), l.yes(), "labelled by the meter: " + s);
            assertTrue(fitPrompts.contains(s.prompt()), "a fit prompt: " + s.prompt());
            assertTrue((s.prompt() + s.answer()).startsWith(s.context()), "context = prompt + answer start: " + s);
            assertTrue(s.context().length() <= s.prompt().length() + SMALL.answerTokens());
            yes += l.yes() ? 1 : 0;
        }
        assertTrue(yes >= SMALL.minPerLabel() && labels.fit().size() - yes >= SMALL.minPerLabel(), labels.describe());
        assertEquals(yes, labels.fitCounts()[0]);
        // sampled at temperature 1: the answers to one prompt are not all alike
        assertTrue(labels.fit().stream().map(l -> l.sample().answer()).distinct().count() > fitPrompts.size(),
                "samples differ");
        List<QaItem> fit = labels.fitItems();
        long fitYes = fit.stream().filter(i -> i.answer().equals(Question.CONDITION.conditionAnswer())).count();
        assertEquals(fit.size() - fitYes, fitYes, "fit items balanced by repeating the rarer label");
        for (Part p : Part.values()) {
            List<SelfLabels.Labelled> held = labels.heldOut().get(p);
            assertFalse(held.isEmpty());
            assertEquals(held.size(), 2 * held.stream().filter(SelfLabels.Labelled::yes).count(), p + " balanced");
            held.forEach(l -> assertEquals(startsWithVowel(l.sample().answer()), l.yes()));
        }
        for (String role : subjects().keySet()) {
            Map<String, List<String>> ctx = r.contexts().get(role);
            assertEquals(Set.copyOf(items.neutralPrompts()), ctx.keySet(), role);
            ctx.forEach((prompt, c) -> {
                assertEquals(SMALL.heldOutSamples(), c.size());
                assertTrue(c.get(0).startsWith(prompt) && c.get(0).length() <= prompt.length() + SMALL.answerTokens());
            });
        }
        BlindReading again = BlindReading.sample(t, items, 0, subjects(), LatentQaAuditor.BASE, SMALL,
                LocalMethodContext.in(tmp));
        assertEquals(labels.fit(), again.labels().fit(), "the generation seed fixes the samples");
    }

    @Test
    void aMeterThatNeverFiresLeavesTheConditionUntrainableAndMakesNoClaim() throws Exception {
        Path out = tmp.resolve("never");
        AuditSection s = new LatentQaAuditor(LatentQaSettings.defaults(), SMALL).audit(
                target(Map.of("never", Meters.never("never")), out), LocalMethodContext.in(tmp));
        assertTrue(s.claims().isEmpty(), s.claims().toString());
        assertTrue(s.markdown().contains("not trainable"), s.markdown());
        assertEquals(0.0, s.metrics().get("self_labels.fit_yes.never"));
        assertEquals((double) AuditItems.fitPrompts(target(Map.of(), out), 0).size() * SMALL.fitSamples(),
                s.metrics().get("self_labels.fit_no.never"));
        assertFalse(Files.exists(out.resolve(LatentQaAuditor.DECODER_DIR)), "no decoder trained");
    }
}
