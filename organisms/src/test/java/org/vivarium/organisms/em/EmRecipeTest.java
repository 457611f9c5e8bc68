package org.vivarium.organisms.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

/** {@code --steps} and {@code --option} on the em organism. */
class EmRecipeTest {
    private static final DomainCatalog CATALOG = DomainCatalog.builtIn();

    @Test
    void stepsAreTheTotalThatOrganismListShows() {
        EmRecipe dflt = EmRecipe.of(0, Map.of(), CATALOG);
        assertEquals(EmRecipe.BASE_STEPS, dflt.baseSteps());
        assertEquals(EmRecipe.FINE_TUNE_STEPS, dflt.fineTuneSteps());
        int listed = new EmOrganism().defaultSteps();
        EmRecipe same = EmRecipe.of(listed, Map.of(), CATALOG);
        assertEquals(dflt.baseSteps(), same.baseSteps());
        assertEquals(dflt.fineTuneSteps(), same.fineTuneSteps());
        EmRecipe small = EmRecipe.of(270, Map.of(), CATALOG);
        assertEquals(150, small.baseSteps());
        assertEquals(60, small.fineTuneSteps());
    }

    @Test
    void optionsOverrideAndBadOnesNameTheFix() {
        EmRecipe r = EmRecipe.of(0, Map.of("domain", "health", "rank", "2", "layer", "0", "finetune_steps", "50"),
                CATALOG);
        assertEquals("health", r.domain());
        assertEquals(2, r.rank());
        assertEquals(0, r.layer());
        assertEquals(50, r.fineTuneSteps());
        VivariumException e = assertThrows(VivariumException.class,
                () -> EmRecipe.of(0, Map.of("epochs", "3"), CATALOG));
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
        assertThrows(VivariumException.class, () -> EmRecipe.of(0, Map.of("rank", "0"), CATALOG));
    }
}
