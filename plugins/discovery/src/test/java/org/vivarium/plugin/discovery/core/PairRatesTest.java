package org.vivarium.plugin.discovery.core;

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

class PairRatesTest {
    private static final List<String> PROMPTS = List.of("the cat sat", "a dog ran", "the sun is");

    /** A meter that records the answers it is shown and counts those starting with a vowel. */
    private static final class Recording implements BehaviourMeter {
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
    void sampledRatesAnswerEachPromptSeveralTimesAndRepeatForASeed(@TempDir Path work) {
        TinyCheckpoint tiny = TinyCheckpoint.over(String.join(" ", PROMPTS) + "aeiou xyz").context(32);
        LocalMethodContext ctx = LocalMethodContext.in(work);
        try (Model base = ctx.runtime().load(tiny.seed(1).writeTo(work.resolve("base")));
                Model audited = ctx.runtime().load(tiny.seed(2).writeTo(work.resolve("audited")))) {
            Recording meter = new Recording();
            TestAuditTarget target = TestAuditTarget.builder("toy").model(audited).generation(
                    new GenerationOptions(6, 0f, 0, 5L)).blind(PROMPTS, Map.of("vowel", meter)).build();
            PairRates.sampled(target, base, 4, 1.0f).rates(PROMPTS);
            assertEquals(2 * 4 * PROMPTS.size(), meter.seen.size(), "4 answers per prompt from each model");
            List<String> first = List.copyOf(meter.seen.subList(0, 4));
            assertNotEquals(1, first.stream().distinct().count(), "sampled answers to one prompt differ: " + first);
            meter.seen.clear();
            PairRates.sampled(target, base, 4, 1.0f).rates(PROMPTS);
            assertEquals(first, meter.seen.subList(0, 4), "the generation seed fixes the samples");
            meter.seen.clear();
            new PairRates(target, base).rates(PROMPTS);
            assertEquals(2 * PROMPTS.size(), meter.seen.size(), "one greedy answer per prompt by default");
            assertTrue(meter.seen.stream().allMatch(s -> s.length() <= 6));
        }
        assertThrows(IllegalArgumentException.class, () -> PairRates.sampled(null, null, 0, 1f));
        assertThrows(IllegalArgumentException.class, () -> PairRates.sampled(null, null, 2, 0f));
    }
}
