package org.vivarium.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.index.HighlightedText;
import org.vivarium.api.index.Mark;

/** Rendering and windowing of highlighted contexts (API record, exercised here with the index). */
class HighlightedTextTest {
    private static final String TEXT = "a <b> & the doctor said my password is secret, do not share it with anyone";

    @Test
    void rendersTerminalAndEscapedHtml() {
        int p = TEXT.indexOf("password");
        HighlightedText h = new HighlightedText(TEXT, List.of(new Mark(p, p + 8, Mark.Kind.FIRING),
                new Mark(12, 18, Mark.Kind.QUERY_TERM)));
        assertEquals("a <b> & the [doctor] said my «password» is secret, do not share it with anyone", h.terminal());
        assertEquals("a &lt;b&gt; &amp; the <em>doctor</em> said my <mark>password</mark> is secret, do not share it"
                + " with anyone", h.html());
    }

    @Test
    void windowKeepsTheFiringTokenAndShiftsMarks() {
        int p = TEXT.indexOf("secret");
        HighlightedText h = new HighlightedText(TEXT, List.of(new Mark(p, p + 6, Mark.Kind.FIRING)));
        HighlightedText w = h.window(20);
        assertEquals(22, w.text().length());
        assertEquals("secret", w.text().substring(w.marks().get(0).start(), w.marks().get(0).end()));
        assertEquals(h, h.window(500));
    }

    @Test
    void overlappingMarksAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new HighlightedText("abcdef",
                List.of(new Mark(0, 3, Mark.Kind.FIRING), new Mark(2, 4, Mark.Kind.QUERY_TERM))));
    }
}
