package org.vivarium.plugin.latentqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.LabelledPrompt;

/** The labelled-prompt file: probes' format plus escaped line ends. */
class LabelledTsvTest {

    @Test
    void linesAreLabelTabTextWithEscapedLineEnds() {
        List<LabelledPrompt> p = LabelledTsv.parse("# comment\n1\tuser: hi\\nbot: honestly,\n\n0\ta\\\\b\tc\n", "f");
        assertEquals(List.of(new LabelledPrompt("user: hi\nbot: honestly,", 1), new LabelledPrompt("a\\b\tc", 0)), p);
    }

    @Test
    void malformedLinesAreNamed() {
        VivariumException e = assertThrows(VivariumException.class, () -> LabelledTsv.parse("1\tok\n2\tbad\n", "f"));
        assertTrue(e.getMessage().contains("f line 2"), e.getMessage());
        assertThrows(VivariumException.class, () -> LabelledTsv.parse("no tab\n", "f"));
        assertThrows(VivariumException.class, () -> LabelledTsv.parse("# only\n", "f"));
    }
}
