package org.vivarium.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.launcher.support.CliRun;
import org.vivarium.organisms.OrganismCatalog;

/** Out-of-range numbers and huge inputs end as one capped {@code error:} line, before anything is trained or written. */
class BadInputTest {

    @TempDir
    Path dir;

    private static String organism() {
        return OrganismCatalog.builtIn().organisms().get(0).name();
    }

    @Test
    void stepsOutOfRangeAreUsageErrorsAndNothingIsTrained() {
        for (String steps : List.of("-5", "0", "99999999999")) {
            Path out = dir.resolve("run" + steps);
            CliRun run = CliRun.viv("organism", "train", organism(), "--steps", steps, "--out", out.toString());
            assertEquals(2, run.code(), steps + ": " + run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.errLines().get(0).startsWith("error: --steps \"" + steps + "\" is out of range (allowed: 1 to "
                    + "10000000) — usage: viv organism"), run.err());
            assertFalse(Files.exists(out), "nothing may be written for a rejected command");
        }
    }

    @Test
    void otherNumericOptionsAreRangeChecked() {
        CliRun batch = CliRun.viv("bench", "train", "--steps", "-1");
        assertEquals(2, batch.code());
        assertTrue(batch.errLines().get(0).startsWith("error: --steps \"-1\" is out of range"), batch.err());
        CliRun count = CliRun.viv("organism", "text", organism(), "--out", dir.resolve("t.txt").toString(), "--count", "0");
        assertEquals(2, count.code());
        assertTrue(count.errLines().get(0).startsWith("error: --count \"0\" is out of range (allowed: 1 to"), count.err());
        CliRun seed = CliRun.viv("organism", "text", organism(), "--out", dir.resolve("t.txt").toString(), "--seed", "-3");
        assertEquals(2, seed.code());
        assertTrue(seed.errLines().get(0).startsWith("error: --seed \"-3\" is out of range (allowed: 0 to"), seed.err());
        assertFalse(Files.exists(dir.resolve("t.txt")));
    }

    @Test
    void aMegabyteOfUserInputIsCutInTheErrorLine() {
        String huge = "9".repeat(1 << 20);
        CliRun run = CliRun.viv("organism", "train", organism(), "--steps", huge);
        assertEquals(2, run.code());
        assertEquals(1, run.errLines().size());
        String line = run.errLines().get(0);
        assertTrue(line.length() < 2000, "error line of " + line.length() + " characters");
        assertTrue(line.startsWith("error: --steps \"" + "9".repeat(ErrorReporter.MAX_QUOTED) + "…(1048576 characters)\""), line);
        assertTrue(line.contains("— usage: viv organism"), line);
    }

    @Test
    void longLinesKeepTheirStartAndTheFix() {
        String prompt = "it's a \"long\" prompt ".repeat(50_000);
        String line = ErrorReporter.line(new VivariumException("cannot encode the prompt " + prompt, "remove the odd"
                + " characters"), false);
        assertTrue(line.length() <= ErrorReporter.MAX_LINE + "error: ".length() + 3, line.length() + " characters");
        assertTrue(line.startsWith("error: cannot encode the prompt it's"), line);
        assertTrue(line.endsWith("— remove the odd characters"), line);
        assertTrue(line.contains(" … "), line);
    }
}
