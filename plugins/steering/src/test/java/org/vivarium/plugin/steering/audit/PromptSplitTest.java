package org.vivarium.plugin.steering.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class PromptSplitTest {
    @Test
    void evenIndicesFitOddIndicesEvaluateSoPairsStayTogether() {
        PromptSplit pos = PromptSplit.halves(List.of("p0", "p1", "p2", "p3", "p4"), "positive");
        PromptSplit neg = PromptSplit.halves(List.of("n0", "n1", "n2", "n3", "n4"), "negative");
        assertEquals(List.of("p0", "p2", "p4"), pos.fit());
        assertEquals(List.of("p1", "p3"), pos.eval());
        assertEquals(List.of("n1", "n3"), neg.eval());
        assertEquals(List.of("p1"), pos.evalUpTo(1));
        assertEquals(pos, PromptSplit.halves(List.of("p0", "p1", "p2", "p3", "p4"), "positive"), "deterministic");
        assertThrows(VivariumException.class, () -> PromptSplit.halves(List.of("only"), "positive"));
    }

    @Test
    void settingsAlwaysIncludeTheUnsteeredCoefficient() {
        SteeringSettings s = new SteeringSettings(List.of(4.0, 1.0), 8, 0.3, 0.5, 1, 
                org.vivarium.plugin.steering.extract.PositionMode.LAST);
        assertEquals(List.of(0.0, 1.0, 4.0), s.coefficients());
        assertEquals(List.of(0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0), SteeringSettings.defaults().coefficients());
    }
}
