package org.vivarium.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

/** The query language: rewriting, parsing and error messages. */
class QueryTranslatorTest {
    private final Analyzer analyzer = IndexAnalyzers.create();
    private final QueryTranslator translator = new QueryTranslator(analyzer);

    @Test
    void rewritesFeatureIdsAndComparisons() throws ParseException {
        assertEquals("feature:sae\\/L1\\/812", QueryRewriter.rewrite("feature:sae/L1/812"));
        assertEquals("feature:probe\\/misaligned@L2", QueryRewriter.rewrite("feature:probe/misaligned@L2"));
        assertEquals("feature:sae\\/L1\\/*", QueryRewriter.rewrite("feature:sae/L1/*"));
        assertEquals("act:{3.0 TO *]", QueryRewriter.rewrite("act>3.0"));
        assertEquals("act:[3 TO *]", QueryRewriter.rewrite("act >= 3"));
        assertEquals("(layer:[* TO 2}) x", QueryRewriter.rewrite("(layer<2) x"));
        assertEquals("\"a/b feature:x\" and\\/or", QueryRewriter.rewrite("\"a/b feature:x\" and/or"));
    }

    @Test
    void parsesIntoTypedQueries() {
        assertEquals("+feature:sae/L1/812 +text:advice",
                translator.translate("feature:sae/L1/812 AND advice").toString());
        assertEquals("act:[3.0000002 TO Infinity]", translator.translate("act>3.0").toString());
        assertEquals("layer:[1 TO 1]", translator.translate("layer:1").toString());
        assertEquals("+text:doctor +act:[2.0 TO 5.0]", translator.translate("doctor act:[2 TO 5]").toString());
    }

    @Test
    void collectsTextTermsButNotNegatedOnes() {
        Query q = translator.translate("doctor \"bad advice\" NOT nurse feature:sae/L1/3");
        assertEquals(Set.of("doctor", "bad", "advice"), QueryTranslator.textTerms(q));
    }

    @Test
    void malformedQueriesExplainTheSyntax() {
        VivariumException e = assertThrows(VivariumException.class, () -> translator.translate("foo AND ("));
        assertTrue(e.getMessage().startsWith("bad query \"foo AND (\": "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" — " + QueryTranslator.SYNTAX), e.getMessage());
        assertTrue(e.getMessage().contains("end of query"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
    }

    @Test
    void badValuesAndFieldsAreNamed() {
        assertTrue(message("act>abc").contains("act> must be followed by a number"));
        assertTrue(message("act:[a TO 5]").contains("act needs a number, got \"a\""));
        assertTrue(message("layer:1.5").contains("layer needs a whole number"));
        assertTrue(message("colour:red").contains("unknown field \"colour\" (fields: act, feature, hook, layer"));
        assertTrue(message("act:3*").contains("act holds numbers"));
    }

    private String message(String query) {
        VivariumException e = assertThrows(VivariumException.class, () -> translator.translate(query));
        assertTrue(e.getMessage().contains(QueryTranslator.SYNTAX));
        return e.getMessage();
    }
}
