package org.vivarium.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typo suggestions: close words are suggested, unrelated ones are not. */
class SuggestionsTest {

    private static final List<String> COMMANDS = List.of("help", "version", "organism", "audit", "run", "cache", "index",
            "search", "serve", "bench", "import", "plugin", "completion");

    @Test
    void closeWordsAreSuggested() {
        assertEquals(List.of("organism"), Suggestions.of("organsim", COMMANDS));
        assertEquals(List.of("serve"), Suggestions.of("serv", COMMANDS));
        assertEquals(" — did you mean --steps?", Suggestions.hint("--step", List.of("--steps", "--seed", "--out")));
        assertEquals(" — did you mean hello or help?", Suggestions.hint("helo", List.of("help", "hello", "audit")));
    }

    @Test
    void unrelatedWordsSuggestNothing() {
        assertEquals(List.of(), Suggestions.of("frobnicate", COMMANDS));
        assertEquals("", Suggestions.hint("--frobnicate", List.of("--steps", "--seed")));
        assertEquals(List.of(), Suggestions.of("organism", COMMANDS), "an exact match is not a typo");
    }
}
