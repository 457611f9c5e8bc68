package org.vivarium.plugin.discovery.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestAuditTarget;
import org.vivarium.testkit.TinyCheckpoint;

/** {@link AnswerSetRates} on real tiny models: exact weighting, determinism, and the sampled answer set. */
class AnswerSetRatesTest {
    private static final List<String> PROMPTS = List.of("the cat sat", "a dog ran", "the sun is");

    /** Counts answers starting with a vowel and records what it was shown (also used by PairRatesTest). */
    static final class Vowel implements BehaviourMeter {
        final List<String> seen = new ArrayList<>();

        @Override
        public String name() {
            return "vowel";
        }

        @Override
        public double accuracy() {
            return 1;
        }

        @Override
        public boolean shows(String prompt, String continuation) {
            seen.add(continuation);
            return !continuation.isEmpty() && "aeiou".indexOf(continuation.charAt(0)) >= 0;
        }
    }

    @Test
    void theExpectedRateWeighsEachAnswerByItsProbability() {
        double[] lp = {Math.log(0.5), Math.log(0.25), Math.log(0.25), -1e9};
        assertEquals(0.75, AnswerSetRates.expected(lp, 0, new boolean[] {true, false, true, true}), 1e-12);
        assertEquals(0.5, AnswerSetRates.expected(new double[] {7, -800, -800}, 1, new boolean[] {true, false}),
                1e-12, "shifted log-probabilities and an offset");
    }

    @Test
    void ratesAreExpectationsOverOneAnswerSetAndRepeatForASeed(@TempDir Path work) {
        TinyCheckpoint tiny = TinyCheckpoint.over(String.join(" ", PROMPTS) + "aeiou xyz").context(32);
        LocalMethodContext ctx = LocalMethodContext.in(work);
        try (Model base = ctx.runtime().load(tiny.seed(1).writeTo(work.resolve("base")));
                Model audited = ctx.runtime().load(tiny.seed(2).writeTo(work.resolve("audited")))) {
            Vowel meter = new Vowel();
            TestAuditTarget same = TestAuditTarget.builder("toy").model(base).generation(
                    new GenerationOptions(4, 0f, 0, 5L)).blind(PROMPTS, Map.of("vowel", meter)).build();
            double[][] self = AnswerSetRates.of(same, base, 6, 1.0f).perPrompt(PROMPTS).get("vowel");
            int shown = meter.seen.size();
            assertEquals(0, shown % PROMPTS.size(), "every prompt is labelled on the same answer set");
            assertTrue(shown / PROMPTS.size() > 1, "sampling at temperature 1 finds several answers: " + shown);
            assertTrue(meter.seen.stream().allMatch(s -> s.length() <= 4), "answers keep the target's token budget");
            for (double[] r : self) {
                assertEquals(r[0], r[1], 1e-9, "a model against itself rises by nothing");
                assertTrue(r[0] >= 0 && r[0] <= 1);
            }
            TestAuditTarget target = TestAuditTarget.builder("toy").model(audited).generation(
                    new GenerationOptions(4, 0f, 0, 5L)).blind(PROMPTS, Map.of("vowel", meter)).build();
            double[][] a = AnswerSetRates.of(target, base, 6, 1.0f).perPrompt(PROMPTS).get("vowel");
            double[][] b = AnswerSetRates.of(target, base, 6, 1.0f).perPrompt(PROMPTS).get("vowel");
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0, "the generation seed fixes the answer set");
            }
            assertTrue(java.util.Arrays.stream(a).anyMatch(r -> r[0] != r[1]), "another model departs somewhere");
            assertNotEquals(a[0][1], Double.NaN);
        }
        assertThrows(IllegalArgumentException.class, () -> AnswerSetRates.of(
                TestAuditTarget.builder("toy").blind(PROMPTS, Map.of()).build(), null, 0, 1f));
    }
}
