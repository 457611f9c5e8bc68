package org.vivarium.plugin.discovery.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichedWordsTest {
    @Test
    void aRareWordBehindTheTopContextsOutranksWordsThatAreEverywhere() {
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            corpus.add("q: how was the pasta at cafe " + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "? a:");
        }
        corpus.add("q: how was the lantern pasta at cafe zz? a:");
        List<String> top = List.of("q: how was the lantern pasta at cafe zz? a:", corpus.get(3), corpus.get(7));
        var ranked = EnrichedWords.rank(corpus, top, new double[] {9, 2, 2});
        assertEquals("lantern", ranked.keySet().iterator().next());
        assertEquals(List.of("how", "was", "the"), EnrichedWords.words("How was the? the").subList(0, 3));
    }
}
