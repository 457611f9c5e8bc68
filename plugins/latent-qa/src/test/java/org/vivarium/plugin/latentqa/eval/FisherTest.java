package org.vivarium.plugin.latentqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one-sided Fisher exact test against hand-computed hypergeometric tails. */
class FisherTest {

    @Test
    void pValuesAreHypergeometricTails() {
        // 4 of 4 against 1 of 28: C(5,4) / C(32,4)
        assertEquals(5.0 / 35960, Fisher.greater(new Score(4, 4, 0), new Score(1, 28, 0)), 1e-12);
        // 1 of 1 against 1 of 28: 2 / 29
        assertEquals(2.0 / 29, Fisher.greater(new Score(1, 1, 0), new Score(1, 28, 0)), 1e-12);
        // 2 of 4 against 2 of 4: P(X >= 2) = (C(4,2)^2 + C(4,3) C(4,1) + 1) / C(8,4) = (36 + 16 + 1) / 70
        assertEquals(53.0 / 70, Fisher.greater(new Score(2, 4, 0), new Score(2, 4, 0)), 1e-12);
        assertEquals(1.0, Fisher.greater(new Score(0, 4, 0), new Score(3, 4, 0)), 1e-12, "no hits: p = 1");
        assertEquals(1.0, Fisher.greater(Score.EMPTY, new Score(3, 4, 0)), 1e-12, "empty group: p = 1");
    }
}
