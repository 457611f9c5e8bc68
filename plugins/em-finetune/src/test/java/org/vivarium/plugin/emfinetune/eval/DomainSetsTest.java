package org.vivarium.plugin.emfinetune.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.organism.Planted;
import org.vivarium.api.organism.TruthCard;

class DomainSetsTest {
    private static final TruthCard NO_CARD = new TruthCard("em", "", List.of());

    @Test
    void theMarkedSetIsTheFineTuneDomainAndKeepsItsOrder() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("health", List.of("a", "b", "c"));
        sets.put("finance" + DomainSets.MARK, List.of("d", "e"));
        sets.put("legal advice", List.of("f"));
        sets.put("empty", List.of());
        List<DomainSet> d = DomainSets.of(sets, NO_CARD, 2);
        assertEquals(List.of("health", "finance", "legal advice"), d.stream().map(DomainSet::domain).toList(),
                "empty sets are left out");
        assertEquals(List.of(false, true, false), d.stream().map(DomainSet::fineTune).toList());
        assertEquals(List.of("a", "b"), d.get(0).prompts(), "at most 2 prompts per set, the first ones");
        assertEquals("legal-advice", d.get(2).key());
        assertEquals("finance" + DomainSets.MARK, d.get(1).name());
    }

    @Test
    void withoutAMarkTheTruthCardLocationNamesTheFineTuneDomain() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("health", List.of("a"));
        sets.put("finance", List.of("b"));
        TruthCard card = new TruthCard("em", "", List.of(new Planted("narrow-finetune", "finance", "bad answers",
                Map.of())));
        assertEquals(List.of(false, true), DomainSets.of(sets, card, 0).stream().map(DomainSet::fineTune).toList());
        assertEquals(List.of(false, false), DomainSets.of(sets, NO_CARD, 0).stream().map(DomainSet::fineTune)
                .toList());
    }
}
