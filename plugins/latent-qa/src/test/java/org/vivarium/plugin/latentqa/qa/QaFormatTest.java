package org.vivarium.plugin.latentqa.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.plugin.latentqa.TinySubject;

/** The decoder's text format and the checks that a tokenizer can write it. */
class QaFormatTest {

    @Test
    void promptsPutThePlaceholderFirstAndAnswersEndTheLine() {
        assertEquals("# q: which persona? a:", Question.PERSONA.prompt());
        assertEquals(0, QaFormat.POSITION);
        assertEquals(" harmful\n", QaFormat.completion("harmful"));
        assertEquals("harmful", QaFormat.answerLine(" harmful\nuser: more"));
        assertEquals("helpf", QaFormat.answerLine(" helpf"), "a cut-off answer is kept as it is");
        assertEquals("harmful", Question.PERSONA.answerFor(1));
        assertEquals("helpful", Question.PERSONA.answerFor(0));
        assertEquals("yes", Question.CONDITION.conditionAnswer());
        assertEquals("no", Question.CONDITION.answerFor(0));
    }

    @Test
    void thePlaceholderIsTheUnknownTokenOfTheOrganismAlphabet() {
        CharTokenizer tok = TinySubject.tokenizer();
        int[] ids = tok.encode(QaFormat.PLACEHOLDER);
        assertEquals(1, ids.length);
        assertEquals(CharTokenizer.UNKNOWN, tok.tokenText(ids[0]), "'#' is not in the em alphabet");
        QaFormat.requireEncodable(tok, Question.PERSONA);
        QaFormat.requireEncodable(tok, Question.CONDITION);
        QaFormat.requireEncodable(tok, Question.domain(List.of("code", "health")));
    }

    @Test
    void questionsTheTokenizerCannotWriteAreRefused() {
        CharTokenizer tok = TinySubject.tokenizer();
        VivariumException e = assertThrows(VivariumException.class,
                () -> QaFormat.requireEncodable(tok, new Question("x", "WHICH PERSONA?", List.of("a", "b"))));
        assertTrue(e.getMessage().contains("WHICH PERSONA?"), e.getMessage());
        assertThrows(VivariumException.class,
                () -> QaFormat.requireEncodable(tok, new Question("x", "which?", List.of("ok", "n/a"))));
        assertThrows(IllegalArgumentException.class, () -> new Question("x", "which?", List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> new Question("x", "which?", List.of("a", " b")));
    }
}
