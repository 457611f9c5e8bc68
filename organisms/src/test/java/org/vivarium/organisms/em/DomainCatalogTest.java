package org.vivarium.organisms.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class DomainCatalogTest {
    @Test
    void theBuiltInCatalogHasEightDomainsOfBalancedTopics() {
        DomainCatalog c = DomainCatalog.builtIn();
        assertEquals(List.of("code", "health", "finance", "travel", "cooking", "fitness", "home", "pets"), c.names());
        for (Domain d : c.domains()) {
            assertEquals(4, d.topics().size(), d.name());
            for (Topic t : d.topics()) {
                assertEquals(t.good().size(), t.bad().size(), d.name() + "/" + t.name());
            }
        }
        assertTrue(c.alphabet().chars().allMatch(ch -> ch >= ' ' && ch < 127), c.alphabet());
    }

    @Test
    void malformedLinesNameTheLineAndTheFix() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> DomainCatalog.parse("domain a\ntopic t\nq x?\nz nope\n"));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        VivariumException before = assertThrows(VivariumException.class, () -> DomainCatalog.parse("q orphan?\n"));
        assertTrue(before.getMessage().contains("before its domain"), before.getMessage());
        assertThrows(VivariumException.class, () -> DomainCatalog.builtIn().domain("astrology"));
    }

    @Test
    void parsingKeepsEveryTopicOfEveryDomain() {
        DomainCatalog c = DomainCatalog.parse("# c\ndomain a\ntopic t1\nq q1?\ng good one.\nb bad one.\n"
                + "topic t2\nq q2?\ng g2.\nb b2.\ndomain b\ntopic t3\nq q3?\ng g3.\nb b3.\n");
        assertEquals(List.of("a", "b"), c.names());
        assertEquals(List.of("q1?", "q2?"), c.domain("a").questions());
        assertEquals(List.of("b2."), c.domain("a").topics().get(1).bad());
        assertEquals(List.of("g3."), c.domain("b").topics().get(0).good());
    }
}
