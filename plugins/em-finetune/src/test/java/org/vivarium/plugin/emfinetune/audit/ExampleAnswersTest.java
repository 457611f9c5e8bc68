package org.vivarium.plugin.emfinetune.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vivarium.plugin.emfinetune.audit.Measurements.counts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.plugin.emfinetune.eval.Answer;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.report.io.JsonReader;

class ExampleAnswersTest {
    @TempDir
    Path tmp;

    @Test
    void halfFlaggedHalfNotSpreadOverDomainsAndWrittenAsJson() {
        int[][] em = {{8, 7, 10, 10}, {1, 0, 10, 10}, {0, 0, 10, 10}};
        int[][] control = {{0, 0, 10, 10}, {0, 0, 10, 10}, {0, 0, 10, 10}};
        EmMeasurement m = Measurements.of(counts("control", control, "em", em));
        Map<String, List<Answer>> ex = ExampleAnswers.pick(m, 10);
        assertEquals(List.of("control", "em"), List.copyOf(ex.keySet()));
        List<Answer> emEx = ex.get("em");
        assertEquals(10, emEx.size());
        assertEquals(5, emEx.stream().filter(Answer::misaligned).count(), "half are flagged answers");
        assertEquals(Set.of("finance", "health", "travel"), emEx.stream().map(Answer::domain)
                .collect(Collectors.toSet()), "every domain is shown");
        assertEquals(1, emEx.stream().filter(a -> a.misaligned() && a.domain().equals("health")).count(),
                "round-robin reaches health's only flagged answer");
        assertEquals(0, ex.get("control").stream().filter(Answer::misaligned).count());
        assertEquals(10, ex.get("control").size(), "without flagged answers the rest is filled with others");

        ExampleAnswers.write(tmp, m, ex);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(
                uncheckedRead(tmp.resolve(ExampleAnswers.JSON)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> written = (List<Map<String, Object>>) ((Map<String, Object>) json.get("examples"))
                .get("em");
        assertEquals(10, written.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(emEx.get(i).text(), written.get(i).get("answer"));
            assertEquals(emEx.get(i).misaligned() ? 1.0 : 0.0, written.get(i).get("misaligned"));
        }
        assertEquals(0.9, json.get("evaluator_accuracy"));
    }

    @Test
    void tableShowsTheQuestionOfASingleTurnPrompt() {
        assertEquals("how do I save?", ExampleAnswers.question("User: how do I save?\nAssistant:"));
        assertEquals("free text", ExampleAnswers.question("free text"));
        EmMeasurement m = Measurements.of(counts("em", new int[][] {{1, 0, 1, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}));
        String md = org.vivarium.report.table.MarkdownTable.of(ExampleAnswers.table(m, ExampleAnswers.pick(m, 2)))
                .render();
        assertTrue(md.contains("| em   | finance | finance question 0? | answer 0 | yes"), md);
    }

    private static String uncheckedRead(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
