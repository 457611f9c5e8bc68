package org.vivarium.organisms.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.provenance.Provenance;

/** {@code --steps}, {@code --option} and the seed's domain on the em organism. */
class EmRecipeTest {
    private static final DomainCatalog CATALOG = DomainCatalog.builtIn();

    @Test
    void stepsAreTheTotalThatOrganismListShows() {
        EmRecipe dflt = EmRecipe.of(1, 0, Map.of(), CATALOG);
        assertEquals(EmRecipe.BASE_STEPS, dflt.baseSteps());
        assertEquals(EmRecipe.FINE_TUNE_STEPS, dflt.fineTuneSteps());
        int listed = new EmOrganism().defaultSteps();
        EmRecipe same = EmRecipe.of(1, listed, Map.of(), CATALOG);
        assertEquals(dflt.baseSteps(), same.baseSteps());
        assertEquals(dflt.fineTuneSteps(), same.fineTuneSteps());
        EmRecipe small = EmRecipe.of(1, 270, Map.of(), CATALOG);
        assertEquals(150, small.baseSteps());
        assertEquals(60, small.fineTuneSteps());
    }

    @Test
    void optionsOverrideAndBadOnesNameTheFix() {
        EmRecipe r = EmRecipe.of(1, 0, Map.of("domain", "health", "rank", "2", "layer", "0", "finetune_steps", "50"),
                CATALOG);
        assertEquals("health", r.domain());
        assertTrue(r.explicitDomain());
        assertEquals(2, r.rank());
        assertEquals(0, r.layer());
        assertEquals(50, r.fineTuneSteps());
        VivariumException e = assertThrows(VivariumException.class,
                () -> EmRecipe.of(1, 0, Map.of("epochs", "3"), CATALOG));
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
        assertThrows(VivariumException.class, () -> EmRecipe.of(1, 0, Map.of("rank", "0"), CATALOG));
    }

    @Test
    void theSeedChoosesTheDomainUnlessAnOptionNamesIt() {
        Set<String> seen = new HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            EmRecipe r = EmRecipe.of(seed, 0, Map.of(), CATALOG);
            assertFalse(r.explicitDomain());
            assertEquals(r.domain(), EmRecipe.of(seed, 0, Map.of(), CATALOG).domain(), "deterministic");
            assertEquals(EmRecipe.domainForSeed(seed, CATALOG), r.domain());
            seen.add(r.domain());
        }
        assertEquals(Set.copyOf(CATALOG.names()), seen, "every domain is some seed's");
        assertEquals("pets", EmRecipe.of(1, 0, Map.of("domain", "pets"), CATALOG).domain(), "the option wins");
    }

    @Test
    void provenanceNamesOnlyAnExplicitDomainAndTheHostRebuildsTheSeedOne() {
        for (long seed = 1; seed <= 8; seed++) {
            EmRecipe drawn = EmRecipe.of(seed, 0, Map.of(), CATALOG);
            Map<String, String> settings = drawn.provenanceSettings();
            assertEquals(EmRecipe.FROM_SEED, settings.get("domain_source"));
            assertFalse(settings.containsKey("domain"));
            assertFalse(settings.containsValue(drawn.domain()), settings.toString());
            assertFalse(drawn.domainLabel().contains(drawn.domain()));
            EmRecipe back = EmRecipe.fromProvenance(provenance(seed, settings), CATALOG);
            assertEquals(drawn.domain(), back.domain());
            assertFalse(back.explicitDomain());
        }
        EmRecipe named = EmRecipe.of(3, 0, Map.of("domain", "travel", "layer", "0"), CATALOG);
        assertEquals(Map.of("domain_source", EmRecipe.FROM_OPTION, "domain", "travel", "layer", "0", "rank", "1"),
                named.provenanceSettings());
        EmRecipe back = EmRecipe.fromProvenance(provenance(3, named.provenanceSettings()), CATALOG);
        assertEquals("travel", back.domain());
        assertEquals(0, back.layer());
    }

    private static Provenance provenance(long seed, Map<String, String> recipe) {
        Map<String, String> settings = new HashMap<>();
        recipe.forEach((k, v) -> settings.put("recipe." + k, v));
        return new Provenance("checkpoint", EmOrganism.RECIPE, settings, seed, "", "test", "", "", Map.of());
    }
}
