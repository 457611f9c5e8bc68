package org.vivarium.plugin.discovery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainPartsTest {

    private static List<String> prompts(String domain, int questions, int openers) {
        List<String> out = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            for (int o = 0; o < openers; o++) {
                out.add(domain + " q" + q + " o" + o);
            }
        }
        return out;
    }

    @Test
    void everyPromptIsUsedAndTheHalvesAskDifferentQuestions() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("health", prompts("health", 8, 2));
        sets.put("pets", prompts("pets", 8, 2));
        DomainParts p = DomainParts.of(sets, 12);
        assertEquals(8, p.validation().get("health").size());
        assertEquals(8, p.test().get("health").size());
        assertEquals("health q3 o1", p.validation().get("health").get(7));
        assertEquals("health q4 o0", p.test().get("health").get(0));
        assertEquals("8", DomainParts.sizes(p.test()));
        assertEquals(List.of("pets q0 o0", "pets q0 o1"), DomainParts.others(p.validation(), "health").subList(0, 2));
    }

    @Test
    void aPartIsCappedAndUnevenSetsShowARange() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("a", prompts("a", 20, 2));
        sets.put("b", prompts("b", 3, 2));
        DomainParts p = DomainParts.of(sets, 12);
        assertEquals(12, p.validation().get("a").size());
        assertEquals("3-12", DomainParts.sizes(p.test()));
    }
}
