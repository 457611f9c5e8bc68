package org.vivarium.plugin.emfinetune.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainSetsTest {
    @Test
    void setsAreDomainsInTheTargetsOrderAndNoNameIsSpecial() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("health", List.of("a", "b", "c"));
        sets.put("finance (fine-tune domain)", List.of("d", "e"));
        sets.put("legal advice", List.of("f"));
        sets.put("empty", List.of());
        List<DomainSet> d = DomainSets.of(sets, 2);
        assertEquals(List.of("health", "finance (fine-tune domain)", "legal advice"),
                d.stream().map(DomainSet::domain).toList(), "empty sets are left out; names are taken as they are");
        assertEquals(List.of("a", "b"), d.get(0).prompts(), "at most 2 prompts per set, the first ones");
        assertEquals(List.of("a", "b", "c"), DomainSets.of(sets, 0).get(0).prompts(), "0: every prompt");
        assertEquals("legal-advice", d.get(2).key());
    }

    @Test
    void promptsAreHalvedInBlocksOfFourValidationFirst() {
        List<Integer> val = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            assertTrue(Part.ALL.includes(i));
            assertTrue(Part.VALIDATION.includes(i) != Part.TEST.includes(i), "each prompt in exactly one half");
            (Part.VALIDATION.includes(i) ? val : test).add(i);
        }
        assertEquals(List.of(0, 1, 4, 5, 8, 9), val);
        assertEquals(List.of(2, 3, 6, 7), test);
        assertFalse(Part.TEST.includes(0));
        assertEquals("validation", Part.VALIDATION.id());
    }
}
