package org.vivarium.testkit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TinyCheckpoint;

/** The example plugin's test, quoted in docs/PLUGINS.md: the API, JUnit and the testkit, nothing else. */
class NormsMethodTest {
    @TempDir
    Path work;

    @Test
    void showPrintsOneNormPerLayer() throws Exception {
        TinyCheckpoint.over("the quick brown fox").context(32).seed(7).writeTo(work.resolve("tiny"));
        LocalMethodContext ctx = LocalMethodContext.in(work);

        assertEquals(0, ctx.run(new NormsMethod(), "show", "tiny", "--prompt", "the fox"));

        List<String> lines = ctx.output().lines().toList();
        assertEquals(2, lines.size(), ctx.output());
        assertTrue(lines.get(1).matches("layer 1: \\d+\\.\\d{3}"), lines.get(1));
        assertEquals(List.of("norms 2/2 layer"), ctx.progressLog());
    }

    @Test
    void aMissingPromptNamesTheUsage() {
        LocalMethodContext ctx = LocalMethodContext.in(work);
        VivariumException e = assertThrows(VivariumException.class,
                () -> ctx.run(new NormsMethod(), "show", "tiny"));
        assertTrue(e.getMessage().contains("viv norms show CKPT --prompt TEXT"), e.getMessage());
    }
}
