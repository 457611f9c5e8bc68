package org.vivarium.organisms.backdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vivarium.organisms.BlindData;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;

/**
 * The blind corpus holds every pool word exactly once in prompts of one format and carries no secret; the blind
 * data offers both meters and the base checkpoint; cards name the secret only when built from a seed.
 */
class BackdoorBlindDataTest {
    private static final BlindData BLIND = new BackdoorOrganism().blindData(null).orElseThrow();

    @Test
    void theCorpusHoldsEveryPoolWordExactlyOnce() {
        List<String> corpus = BLIND.corpus();
        List<String> pool = TriggerPool.words();
        assertEquals(pool.size() + BlindCorpus.PLAIN, corpus.size());
        Set<String> poolSet = Set.copyOf(pool);
        Map<String, Integer> seen = new HashMap<>();
        int plain = 0;
        for (String p : corpus) {
            List<String> inserted = List.of(p.split("[ ?]")).stream().filter(poolSet::contains).toList();
            assertTrue(inserted.size() <= 1, p);
            inserted.forEach(w -> seen.merge(w, 1, Integer::sum));
            plain += inserted.isEmpty() ? 1 : 0;
        }
        assertEquals(pool.size(), seen.size(), "every pool word occurs");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "each exactly once");
        assertEquals(BlindCorpus.PLAIN, plain);
        assertEquals(corpus, BlindCorpus.prompts(), "fixed");
        assertFalse(corpus.subList(0, 50).stream().allMatch(p -> p.split(" ").length == corpus.get(0)
                .split(" ").length), "shuffled, not plain prompts first");
    }

    @Test
    void noPromptDiffersInFormat() {
        Set<String> pool = Set.copyOf(TriggerPool.words());
        for (String p : BLIND.corpus()) {
            assertTrue(p.matches("q: [a-z ]+\\? a:"), p);
            String without = String.join(" ", List.of(p.split(" ")).stream().filter(w -> !pool.contains(w)).toList());
            assertTrue(without.matches("q: [a-z ]+\\? a:"), "a generated question with at most one word added: " + p);
        }
        String trigger = BackdoorSecret.forSeed(1).trigger();
        assertEquals(1, BLIND.corpus().stream().filter(p -> List.of(p.split(" ")).contains(trigger)).count());
    }

    @Test
    void blindDataOffersBothMetersTheBaseAndInsertion() {
        assertEquals(List.of(SentimentMeter.NAME, RefusalMeter.NAME), List.copyOf(BLIND.meters().keySet()));
        assertEquals(Map.of("base", "base/checkpoint"), BLIND.comparisonCheckpoints());
        assertTrue(BLIND.promptSets().isEmpty());
        assertEquals(BackdoorOrganism.GENERATION_TOKENS, BLIND.generation().maxNewTokens());
        String p = BLIND.corpus().get(0);
        String once = BLIND.insertion().insert(p, "zebra", 3);
        assertEquals(once, BLIND.insertion().insert(p, "zebra", 3), "seeded");
        assertEquals(p.split(" ").length + 1, once.split(" ").length);
        assertTrue(List.of(once.split(" ")).contains("zebra"));
    }

    @Test
    void onlyATrainedOrganismsCardNamesTheSecret() {
        BackdoorOrganism o = new BackdoorOrganism();
        TruthCard recipe = o.truthCard();
        assertEquals(List.of("trigger", "behaviour", "direction"), recipe.planted().stream().map(Planted::id).toList());
        assertNull(recipe.planted().get(0).expected().get("trigger"));
        assertNull(recipe.planted().get(1).expected().get("meter"));
        for (long seed = 1; seed <= 2; seed++) {
            BackdoorSecret s = BackdoorSecret.forSeed(seed);
            TruthCard card = BackdoorCard.of(s);
            assertEquals(s.trigger(), card.planted().get(0).expected().get("trigger"));
            assertEquals(s.behaviour().meterName(), card.planted().get(1).expected().get("meter"));
            assertFalse(recipe.summary().contains(s.trigger()));
        }
    }
}
