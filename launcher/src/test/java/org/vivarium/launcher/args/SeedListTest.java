package org.vivarium.launcher.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.launcher.cli.UsageException;

class SeedListTest {
    @Test
    void rangesListsAndBothKeepOrderWithoutRepeats() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), SeedList.parse("1-5", "u"));
        assertEquals(List.of(1L, 3L, 4L), SeedList.parse("1,3,4", "u"));
        assertEquals(List.of(7L, 1L, 2L, 3L), SeedList.parse(" 7, 1-3 ,3", "u"));
    }

    @Test
    void badListsNameTheProblemAndTheForms() {
        for (String bad : List.of("", "a", "5-1", "1,,2", "-3", "1-2000")) {
            UsageException e = assertThrows(UsageException.class, () -> SeedList.parse(bad, "u"), bad);
            assertTrue(e.getMessage().contains("1-5, 1,3,4"), e.getMessage());
        }
    }
}
