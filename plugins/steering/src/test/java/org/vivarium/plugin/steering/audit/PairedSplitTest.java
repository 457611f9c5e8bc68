package org.vivarium.plugin.steering.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.plugin.steering.extract.PositionMode;

class PairedSplitTest {
    private static final List<String> POS = List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
    private static final List<String> NEG = List.of("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9");

    @Test
    void pairsLandInTheSamePartAndPartsAreDisjoint() {
        PairedSplit s = PairedSplit.of(POS, NEG, 32);
        assertEquals(List.of("p0", "p1", "p4", "p5", "p8", "p9"), s.fitPositives());
        assertEquals(List.of("n0", "n1", "n4", "n5", "n8", "n9"), s.fitNegatives());
        assertEquals(List.of("p2", "p6"), s.validationPositives());
        assertEquals(List.of("n2", "n6"), s.validationNegatives());
        assertEquals(List.of("p3", "p7"), s.testPositives());
        assertEquals(List.of("n3", "n7"), s.testNegatives());
        assertEquals(10, s.size());
    }

    @Test
    void validationAndTestAreCappedButFitIsNot() {
        PairedSplit s = PairedSplit.of(POS, NEG, 1);
        assertEquals(List.of("p2"), s.validationPositives());
        assertEquals(List.of("n3"), s.testNegatives());
        assertEquals(6, s.fitNegatives().size());
    }

    @Test
    void tooFewPromptsFailWithAFix() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> PairedSplit.of(POS, List.of("a", "b", "c"), 8));
        assertTrue(e.getMessage().contains("at least 4 of each"), e.getMessage());
    }

    @Test
    void settingsAlwaysIncludeTheUnsteeredCoefficientAndAPositiveOne() {
        SteeringSettings s = new SteeringSettings(List.of(4.0, 1.0), 8, 0.3, 0.5, 1, PositionMode.LAST);
        assertEquals(List.of(0.0, 1.0, 4.0), s.coefficients());
        assertEquals(List.of(0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0), SteeringSettings.defaults().coefficients());
        assertThrows(IllegalArgumentException.class,
                () -> new SteeringSettings(List.of(0.0, -1.0), 8, 0.3, 0.5, 1, PositionMode.LAST));
    }
}
