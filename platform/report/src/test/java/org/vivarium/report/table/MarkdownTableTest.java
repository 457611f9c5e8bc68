package org.vivarium.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class MarkdownTableTest {

    @Test
    void alignsColumnsAndRightAlignsNumbers() {
        Table t = Table.of("layer", "accuracy", "note").row(0, 0.91234, "ok").row(11, 0.5, "a|b").row(2, 0.00001, null);
        String md = MarkdownTable.of(t).decimals(3).render();
        assertEquals(""
                + "| layer | accuracy | note |\n"
                + "| ----: | -------: | ---- |\n"
                + "|     0 |    0.912 | ok   |\n"
                + "|    11 |    0.500 | a\\|b |\n"
                + "|     2 |    1e-05 |      |\n", md);
    }

    @Test
    void rejectsBadDecimalsAndRaggedRows() {
        assertThrows(VivariumException.class, () -> MarkdownTable.of(Table.of("a")).decimals(-1));
        VivariumException e = assertThrows(VivariumException.class, () -> Table.of("a", "b").row(1));
        assertEquals("table row 0 has 1 cells but there are 2 columns [a, b]", e.problem());
    }
}
