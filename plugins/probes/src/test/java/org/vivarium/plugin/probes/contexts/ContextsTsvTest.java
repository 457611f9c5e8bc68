package org.vivarium.plugin.probes.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContextsTsvTest {

    @Test
    void tsvEscapesControlCharacters() {
        assertEquals("a\\tb\\nc\\\\d", ContextsTsv.escape("a\tb\nc\\d"));
    }
}
