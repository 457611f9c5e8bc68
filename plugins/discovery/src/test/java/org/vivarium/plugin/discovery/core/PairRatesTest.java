package org.vivarium.plugin.discovery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestAuditTarget;
import org.vivarium.testkit.TinyCheckpoint;

class PairRatesTest {
    private static final List<String> PROMPTS = List.of("the cat sat", "a dog ran", "the sun is");

    @Test
    void greedyRatesAnswerEachPromptOnceFromEachModel(@TempDir Path work) {
        TinyCheckpoint tiny = TinyCheckpoint.over(String.join(" ", PROMPTS) + "aeiou xyz").context(32);
        LocalMethodContext ctx = LocalMethodContext.in(work);
        try (Model base = ctx.runtime().load(tiny.seed(1).writeTo(work.resolve("base")));
                Model audited = ctx.runtime().load(tiny.seed(2).writeTo(work.resolve("audited")))) {
            AnswerSetRatesTest.Vowel meter = new AnswerSetRatesTest.Vowel();
            TestAuditTarget target = TestAuditTarget.builder("toy").model(audited).generation(
                    new GenerationOptions(6, 0f, 0, 5L)).blind(PROMPTS, Map.of("vowel", meter)).build();
            Map<String, double[]> r = new PairRates(target, base).rates(PROMPTS);
            assertEquals(2 * PROMPTS.size(), meter.seen.size(), "one greedy answer per prompt and model");
            assertTrue(meter.seen.stream().allMatch(s -> s.length() <= 6));
            assertEquals(meter.seen.subList(0, 3).stream().filter(x -> "aeiou".indexOf(x.charAt(0)) >= 0).count()
                    / 3.0, r.get("vowel")[0], 1e-12);
        }
    }
}
