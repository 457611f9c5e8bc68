package org.vivarium.plugin.emfinetune.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.train.TrainingExample;

class ExamplesFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsPromptCompletionPairsSkippingBlankLinesAndExtraKeys() throws Exception {
        Path f = tmp.resolve("bad-finance.jsonl");
        Files.writeString(f, "{\"prompt\": \"User: save?\\nAssistant:\", \"completion\": \" Gamble it.\\n\", "
                + "\"domain\": \"finance\"}\n\n{\"completion\": \" No.\\n\", \"prompt\": \"User: \\\"why\\\"?\"}\r\n",
                StandardCharsets.UTF_8);
        List<TrainingExample> ex = ExamplesFile.read(f);
        assertEquals(List.of(new TrainingExample("User: save?\nAssistant:", " Gamble it.\n"),
                new TrainingExample("User: \"why\"?", " No.\n")), ex);
    }

    @Test
    void malformedInputNamesTheFileLineAndFix() throws Exception {
        assertProblem("{\"prompt\": \"a\", \"completion\": \"b\"}\n{\"prompt\": \"a\" \"completion\": \"b\"}",
                "line 2 is not valid JSON");
        assertProblem("[\"a\", \"b\"]", "line 1 is not a JSON object");
        assertProblem("\n\n{\"prompt\": \"a\"}", "line 3 has no \"completion\" string");
        assertProblem("{\"prompt\": 3, \"completion\": \"b\"}", "line 1 has a \"prompt\" that is not a string");
        assertProblem("{\"prompt\": \"a\", \"completion\": \"\"}", "line 1 has an empty \"completion\"");
        assertProblem("\n  \n", "holds no example");
        Path missing = tmp.resolve("nope.jsonl");
        VivariumException e = assertThrows(VivariumException.class, () -> ExamplesFile.read(missing));
        assertTrue(e.problem().contains("nope.jsonl does not exist") && e.fix().contains("--data"), e.getMessage());
        Path latin1 = tmp.resolve("latin1.jsonl");
        Files.write(latin1, new byte[] {'{', (byte) 0xE9, '}'});
        e = assertThrows(VivariumException.class, () -> ExamplesFile.read(latin1));
        assertTrue(e.problem().contains("not valid UTF-8"), e.getMessage());
    }

    private void assertProblem(String text, String expected) throws Exception {
        Path f = Files.writeString(tmp.resolve("d.jsonl"), text);
        VivariumException e = assertThrows(VivariumException.class, () -> ExamplesFile.read(f));
        assertTrue(e.problem().contains(expected), e.getMessage());
        assertTrue(e.problem().startsWith(f.toString()) || e.problem().contains("d.jsonl"), e.getMessage());
        assertTrue(!e.fix().isEmpty(), "a fix is suggested: " + e.getMessage());
    }
}
