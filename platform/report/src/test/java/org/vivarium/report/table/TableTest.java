package org.vivarium.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class TableTest {
    @Test
    void anImmutableHeaderListIsAccepted() {
        Table t = Table.of(List.of("layer", "accuracy")).row(1, 0.5);
        assertEquals(List.of("layer", "accuracy"), t.header());
        assertEquals(1, t.rows().size());
    }

    @Test
    void nullOrMissingColumnNamesAreRejected() {
        assertThrows(VivariumException.class, () -> Table.of(List.of()));
        assertThrows(VivariumException.class, () -> Table.of(Arrays.asList("a", null)));
    }
}
