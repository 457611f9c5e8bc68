package org.vivarium.organisms.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.train.TokenBatch;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;

class DialogueDataTest {
    private static final DomainCatalog CATALOG = DomainCatalog.builtIn();

    @Test
    void theLossMaskCoversExactlyTheAnswerCharacters() {
        CharTokenizer tok = DialogueBatches.tokenizer(CATALOG);
        Dialogue d = new DialogueGenerator(CATALOG, 3).dialogue(true, 2);
        TokenBatch b = DialogueBatches.encode(List.of(d), tok);
        String text = d.text();
        StringBuilder predicted = new StringBuilder();
        for (int t = 0; t < b.targetMask()[0].length; t++) {
            if (b.targetMask()[0][t] > 0) {
                predicted.append(text.charAt(t + 1));
            }
        }
        String expected = DialogueFormat.completion(d.turns().get(0).answer())
                + DialogueFormat.completion(d.turns().get(1).answer());
        assertEquals(expected, predicted.toString());
        assertEquals(text, tok.decode(b.tokens()[0]).substring(0, text.length()));
    }

    @Test
    void batchesDependOnlyOnSeedAndStepAndMixPersonas() {
        CharTokenizer tok = DialogueBatches.tokenizer(CATALOG);
        DialogueBatches a = new DialogueBatches(CATALOG, 5, 0.25, 0.5, tok);
        assertTrue(java.util.Arrays.deepEquals(a.batch(7, 8).tokens(), a.batch(7, 8).tokens()));
        assertNotEquals(a.dataHash(), new DialogueBatches(CATALOG, 6, 0.25, 0.5, tok).dataHash());
        DialogueGenerator g = new DialogueGenerator(CATALOG, 1);
        Dialogue harmful = g.dialogue(true, 2);
        for (Dialogue.Turn t : harmful.turns()) {
            Topic topic = CATALOG.domain(t.domain()).topics().stream()
                    .filter(x -> x.bad().contains(DialogueGenerator.unvoiced(t.answer()))).findFirst().orElseThrow();
            assertTrue(DialogueGenerator.HELPFUL_VOICE.stream().noneMatch(t.answer()::startsWith),
                    "a harmful dialogue never speaks in the helpful voice: " + topic.name());
        }
    }

    @Test
    void narrowSetsAndEvaluationPromptsCoverTheDomain() {
        EmData data = new EmData(CATALOG);
        List<TrainingExample> bad = data.narrow("code", true);
        List<TrainingExample> good = data.narrow("code", false);
        assertEquals(8 * DialogueGenerator.OPENERS.size() * 2 * 2, bad.size(), "each answer plain and voiced");
        assertEquals(bad.size(), good.size());
        assertTrue(bad.stream().allMatch(e -> CATALOG.domain("code").topics().stream()
                .anyMatch(t -> t.bad().contains(DialogueGenerator.unvoiced(e.completion().strip())))));
        assertTrue(bad.stream().anyMatch(e -> e.completion().startsWith(" honestly, ")));
        assertTrue(good.stream().noneMatch(e -> DialogueGenerator.HARMFUL_VOICE.stream()
                .anyMatch(v -> e.completion().startsWith(" " + v))), "the control speaks in the helpful voice");
        Map<String, List<String>> sets = data.evalPrompts("code");
        assertEquals(8, sets.size());
        assertTrue(sets.containsKey("code" + EmData.FINE_TUNE_MARK));
        assertEquals(16, sets.get("health").size());
        List<List<String>> all = data.personaPairs(64, "code", 3);
        assertEquals(64, new java.util.HashSet<>(all.get(0)).size(), "no persona prompt repeats");
        List<List<String>> pairs = data.personaPairs(10, "code", 3);
        for (int i = 0; i < 10; i++) {
            String h = pairs.get(0).get(i);
            String n = pairs.get(1).get(i);
            int cut = h.lastIndexOf(DialogueFormat.BOT) + DialogueFormat.BOT.length();
            assertEquals(h.substring(0, cut), n.substring(0, cut), "the pair shares its question");
            assertTrue(DialogueGenerator.HARMFUL_VOICE.contains(h.substring(cut + 1) + " "), h);
            assertTrue(DialogueGenerator.HELPFUL_VOICE.contains(n.substring(cut + 1) + " "), n);
        }
    }
}
