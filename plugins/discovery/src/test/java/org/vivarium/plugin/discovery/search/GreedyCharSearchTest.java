package org.vivarium.plugin.discovery.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.discovery.core.Quiet;

class GreedyCharSearchTest {
    private static double[] prefixScore(List<String> texts, String secret, boolean graded) {
        double[] s = new double[texts.size()];
        for (int i = 0; i < s.length; i++) {
            String t = texts.get(i);
            int k = 0;
            while (k < t.length() && k < secret.length() && t.charAt(k) == secret.charAt(k)) {
                k++;
            }
            s[i] = graded ? k - 0.01 * t.length() : (t.equals(secret) ? 1 : 0);
        }
        return s;
    }

    @Test
    void findsATextWhosePrefixesAlreadyScore() {
        GreedyCharSearch g = new GreedyCharSearch("abcdefghijklmnopqrstuvwxyz", 3, 9);
        List<GreedyCharSearch.Scored> out = g.run((t, p) -> prefixScore(t, "harbour", true), Quiet.PROGRESS);
        assertEquals("harbour", out.get(0).text());
    }

    @Test
    void failsWhereOnlyTheWholeTextScores() {
        GreedyCharSearch g = new GreedyCharSearch("abcdefghijklmnopqrstuvwxyz", 3, 9);
        List<GreedyCharSearch.Scored> out = g.run((t, p) -> prefixScore(t, "harbour", false), Quiet.PROGRESS);
        assertNotEquals("harbour", out.get(0).text());
        assertEquals(0.0, out.get(0).score());
        assertEquals(true, out.size() <= g.maxTexts());
    }
}
