package org.vivarium.plugin.probes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.plugin.probes.ProbesMethod;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.math.ProbeKind;

class FitOptionsTest {
    private static CommandInput in(String... args) {
        return LocalMethodContext.parse(LocalMethodContext.command(new ProbesMethod(), "fit"), args);
    }

    @TempDir
    Path dir;

    @Test
    void fitOptionsResolveDefaultsAgainstTheWorkDirAndRunDirectories() throws Exception {
        Files.createDirectories(dir.resolve("runs/lm/checkpoint"));
        FitOptions o = FitOptions.parse(in("runs/lm", "--data", "d.tsv", "--kind", "diffmean"), dir);
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
        assertThrows(VivariumException.class, () -> FitOptions.parse(in("ck"), dir), "missing --data");
        VivariumException noCkpt = assertThrows(VivariumException.class,
                () -> FitOptions.parse(in("missing", "--data", "d.tsv"), dir));
        assertTrue(noCkpt.getMessage().contains("checkpoint missing does not exist"), noCkpt.getMessage());
        assertThrows(VivariumException.class,
                () -> FitOptions.parse(in("ck", "--data", "d", "--position", "first"), dir));
        assertThrows(VivariumException.class,
                () -> FitOptions.parse(in("ck", "--data", "d", "--kind", "svm"), dir));
        assertThrows(VivariumException.class,
                () -> FitOptions.parse(in("ck", "--data", "d", "--test-fraction", "1.5"), dir));
        assertThrows(VivariumException.class, () -> FitOptions.parse(in("ck", "--data", "d", "--l2", "-1"), dir));
    }
}
