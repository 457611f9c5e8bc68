package org.vivarium.report.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressFormatTest {

    @Test
    void durationsUseMinutesOrHours() {
        assertEquals("00:00", ProgressFormat.duration(0.2));
        assertEquals("00:14", ProgressFormat.duration(14.4));
        assertEquals("59:59", ProgressFormat.duration(3599));
        assertEquals("1:00:00", ProgressFormat.duration(3600));
        assertEquals("?", ProgressFormat.duration(Double.POSITIVE_INFINITY));
    }

    @Test
    void ratesFlipToSecondsPerUnitBelowOne() {
        assertEquals("391.2 step/s", ProgressFormat.rate(391.23, "step"));
        assertEquals("51.2k tok/s", ProgressFormat.rate(51_234, "tok"));
        assertEquals("4 s/it", ProgressFormat.rate(0.25, "it"));
        assertEquals("? it/s", ProgressFormat.rate(Double.NaN, "it"));
    }

    @Test
    void lineMatchesTheTqdmLayout() {
        String line = ProgressFormat.line("label", 4700, 10_000, "step", 20, 12_000_000_000L, 391.2, true,
                Map.of("loss", 2.314));
        assertEquals("label   47% |#########           | 4700/10000 step  [00:12<00:14, 391.2 step/s] loss=2.314",
                line);
    }
}
