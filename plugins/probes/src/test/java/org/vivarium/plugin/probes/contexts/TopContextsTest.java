package org.vivarium.plugin.probes.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopContextsTest {

    @Test
    void keepsTheBestKBestFirstWithStableTies() {
        TopContexts top = new TopContexts(3);
        double[] scores = {0.5, 2.0, Double.NaN, 1.0, 2.0, -1.0, 1.5};
        for (int i = scores.length - 1; i >= 0; i--) {
            top.offer(new ScoredContext(i, 0, scores[i]));
        }
        List<Integer> prompts = top.best().stream().map(ScoredContext::prompt).toList();
        assertEquals(List.of(1, 4, 6), prompts);
    }

    @Test
    void tsvEscapesControlCharacters() {
        assertEquals("a\\tb\\nc\\\\d", ContextsTsv.escape("a\tb\nc\\d"));
    }
}
