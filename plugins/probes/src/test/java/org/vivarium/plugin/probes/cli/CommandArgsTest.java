package org.vivarium.plugin.probes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.math.ProbeKind;

class CommandArgsTest {
    @TempDir
    Path dir;

    @Test
    void parsesPositionalsAndBothOptionSpellings() {
        CommandArgs a = CommandArgs.parse(List.of("ckpt", "--seed", "7", "--l2=0.5"), Set.of("seed", "l2"), "u");
        assertEquals("ckpt", a.onlyPositional("x"));
        assertEquals(7, a.getLong("seed", 1));
        assertEquals(0.5, a.getDouble("l2", 1));
        assertEquals("d", a.get("out", "d"));
    }

    @Test
    void rejectsUnknownRepeatedAndValuelessOptions() {
        VivariumException unknown = assertThrows(VivariumException.class,
                () -> CommandArgs.parse(List.of("--bogus", "1"), Set.of("seed"), "viv probes fit CKPT"));
        assertTrue(unknown.getMessage().contains("unknown option --bogus")
                && unknown.fix().contains("viv probes fit CKPT"));
        assertThrows(VivariumException.class, () -> CommandArgs.parse(List.of("--seed"), Set.of("seed"), "u"));
        assertThrows(VivariumException.class,
                () -> CommandArgs.parse(List.of("--seed", "1", "--seed", "2"), Set.of("seed"), "u"));
        VivariumException nan = assertThrows(VivariumException.class,
                () -> CommandArgs.parse(List.of("--seed", "x"), Set.of("seed"), "u").getLong("seed", 1));
        assertTrue(nan.getMessage().contains("not an integer"));
    }

    @Test
    void fitOptionsResolveDefaultsAgainstTheWorkDirAndRunDirectories() throws Exception {
        Files.createDirectories(dir.resolve("runs/lm/checkpoint"));
        FitOptions o = FitOptions.parse(List.of("runs/lm", "--data", "d.tsv", "--kind", "diffmean"), dir);
        assertEquals(dir.resolve("runs/lm/checkpoint"), o.checkpoint());
        assertEquals("lm", o.modelName());
        assertEquals(dir.resolve("runs/probes/lm"), o.out());
        assertEquals(dir.resolve("d.tsv"), o.data());
        assertEquals(List.of(ProbeKind.DIFFMEAN), o.settings().kinds());
        assertEquals(PositionMode.LAST, o.settings().position());
        assertEquals(0.25, o.settings().testFraction());
        assertEquals(50, o.topContexts());
    }

    @Test
    void fitOptionsRejectBadValues() throws Exception {
        Files.createDirectories(dir.resolve("ck"));
        assertThrows(VivariumException.class, () -> FitOptions.parse(List.of("ck"), dir), "missing --data");
        VivariumException noCkpt = assertThrows(VivariumException.class,
                () -> FitOptions.parse(List.of("missing", "--data", "d.tsv"), dir));
        assertTrue(noCkpt.getMessage().contains("checkpoint missing does not exist"), noCkpt.getMessage());
        assertThrows(VivariumException.class,
                () -> FitOptions.parse(List.of("ck", "--data", "d", "--position", "first"), dir));
        assertThrows(VivariumException.class,
                () -> FitOptions.parse(List.of("ck", "--data", "d", "--kind", "svm"), dir));
        assertThrows(VivariumException.class,
                () -> FitOptions.parse(List.of("ck", "--data", "d", "--test-fraction", "1.5"), dir));
        assertThrows(VivariumException.class, () -> FitOptions.parse(List.of("ck", "--data", "d", "--l2", "-1"), dir));
    }
}
