package org.vivarium.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextRecord;

/** Validation of the API record that the index stores. */
class ContextRecordTest {
    @Test
    void derivesSourceAndToken() {
        ContextRecord r = new ContextRecord("probe/misaligned@L2", "take my advice", 8, 14, 2f, null, null, null, 2);
        assertEquals("probe", r.source());
        assertEquals("advice", r.firingToken());
        assertEquals("", r.model());
    }

    @Test
    void rejectsBadFeatureIdsSpansAndActivations() {
        assertTrue(assertThrows(VivariumException.class,
                () -> new ContextRecord("812", "text", 0, 4, 1f, "m", "r", "h", 0)).getMessage()
                .contains("is not SOURCE/ID"));
        assertTrue(assertThrows(VivariumException.class,
                () -> new ContextRecord("sae/L0/1", "text", 2, 9, 1f, "m", "r", "h", 0)).getMessage()
                .contains("lies outside its context of 4 characters"));
        assertThrows(VivariumException.class,
                () -> new ContextRecord("sae/L0/1", "text", 0, 4, Float.NaN, "m", "r", "h", 0));
    }
}
