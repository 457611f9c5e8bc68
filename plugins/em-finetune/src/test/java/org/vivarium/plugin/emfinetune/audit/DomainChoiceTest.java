package org.vivarium.plugin.emfinetune.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vivarium.plugin.emfinetune.audit.Measurements.HALF;
import static org.vivarium.plugin.emfinetune.audit.Measurements.counts;
import static org.vivarium.plugin.emfinetune.audit.Measurements.same;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.emfinetune.eval.Answer;
import org.vivarium.plugin.emfinetune.eval.DomainSet;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;

/**
 * The fine-tune domain is discovered from synthetic rates: nothing in the set names or their order says which
 * it is; the choice is made on the validation half and read on the test half.
 */
class DomainChoiceTest {
    private static final int[][] BASE = same(new int[] {1, 0, 1}, 9);
    private static final int[][] CONTROL = same(new int[] {0, 1, 1}, 9);

    /** {misaligned validation, misaligned test, coherent validation, coherent test} per domain. */
    private static int[][] em(int[] validation, int[] test) {
        int[][] out = new int[validation.length][];
        for (int s = 0; s < out.length; s++) {
            out[s] = new int[] {validation[s], test[s], 8, 8};
        }
        return out;
    }

    @Test
    void theDomainWhereTheEmRateRisesMostIsChosenWhateverItsNameOrPlace() {
        for (int hot = 0; hot < 3; hot++) {
            int[] v = {4, 5, 3};
            int[] t = {5, 4, 4};
            v[hot] = 9;
            t[hot] = 8;
            EmMeasurement m = Measurements.of(counts("base", BASE, "control", CONTROL, "em", em(v, t)));
            DomainChoice c = DomainChoice.of(m);
            String expected = Measurements.DOMAINS.get(hot);
            assertEquals(Optional.of(expected), c.chosen(), "the measured hot domain, here " + expected);
            assertEquals("base", c.reference());
            assertEquals(List.of("finance", "health", "travel"), c.candidates());
            double baseRate = BASE[hot][0] / (double) HALF;
            assertEquals(0.9 - baseRate, c.validationScores().get(expected), 1e-12, "em - base on validation");
            assertEquals(0.8 - baseRate, c.testScores().get(expected), 1e-12, "em - base on test");
            assertTrue(c.testMargin() > 0, "the test half confirms it: " + c);
        }
    }

    @Test
    void emMinusBaseDiscountsADomainTheEvaluatorAlreadyFlagsForTheBaseModel() {
        // finance: the evaluator flags 8 of 10 base answers, so the em model's 9 of 10 there add little;
        // travel: 0 -> 8 of 10 is what the fine-tune added.
        int[][] base = same(new int[] {8, 0, 0}, 9);
        int[][] em = em(new int[] {9, 2, 8}, new int[] {9, 2, 8});
        DomainChoice c = DomainChoice.of(Measurements.of(counts("base", base, "control", CONTROL, "em", em)));
        assertEquals(Optional.of("travel"), c.chosen(), "the largest raw em rate is finance's; em - base is travel's");
        assertEquals(0.8, c.validationScores().get("travel"), 1e-12);
        assertEquals(0.1, c.validationScores().get("finance"), 1e-12);

        DomainChoice raw = DomainChoice.of(Measurements.of(counts("em", em)));
        assertEquals("", raw.reference(), "without base or control nothing is subtracted");
        assertEquals(Optional.of("finance"), raw.chosen());
        assertEquals("em misaligned rate", raw.scoreName());

        DomainChoice vsControl = DomainChoice.of(Measurements.of(counts("control", CONTROL, "em", em)));
        assertEquals("control", vsControl.reference(), "the control is the fallback reference");
    }

    @Test
    void theChoiceIsMadeOnTheValidationHalfAndOnlyReportedOnTheTestHalf() {
        // validation says health (8 vs 5), the test half says travel (3 vs 9)
        int[][] em = em(new int[] {2, 8, 5}, new int[] {2, 3, 9});
        DomainChoice c = DomainChoice.of(Measurements.of(counts("base", BASE, "control", CONTROL, "em", em)));
        assertEquals(Optional.of("health"), c.chosen(), "chosen on validation, not on test or on all prompts");
        assertEquals(Optional.of("travel"), c.testRunnerUp());
        assertEquals((0.3 - 0.0) - (0.9 - 0.1), c.testMargin(), 1e-12, "the test half disagrees");
        assertEquals(0.8 - (0.5 - 0.1), c.validationMargin(), 1e-12);
    }

    @Test
    void domainsWithAnEmptyHalfTakeNoPartAndTiesGoToTheFirst() {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String d = i < 2 ? "a" : "b";
            int index = i < 2 ? i : i - 2;
            answers.add(new Answer("em", d, index, "p" + index, "!", true, false));
        }
        EmMeasurement tiny = new EmMeasurement(List.of("em"), List.of(new DomainSet("a", List.of("p0", "p1")),
                new DomainSet("b", List.of("p0", "p1", "p2"))), answers, "misaligned", 1, "");
        DomainChoice c = DomainChoice.of(tiny);
        assertEquals(List.of("a"), c.tooSmall(), "two prompts leave the test half empty");
        assertEquals(List.of("b"), c.candidates());
        assertFalse(c.testRunnerUp().isPresent());
        assertTrue(Double.isNaN(c.testMargin()));

        int[][] flat = same(new int[] {5, 5, 5}, 8);
        assertEquals(Optional.of("finance"), DomainChoice.of(Measurements.of(counts("em", flat))).chosen());
    }
}
