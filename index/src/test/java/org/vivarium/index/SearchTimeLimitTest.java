package org.vivarium.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.index.SearchResults;
import org.vivarium.index.bench.SyntheticContexts;

/** The per-search time limit of a read-only index: a search past it is refused whole, one within it is unchanged. */
class SearchTimeLimitTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void build() {
        try (LuceneContextIndex index = LuceneContextIndex.open(tmp.resolve("idx"))) {
            index.add(new SyntheticContexts(7, 2000, 100).next(3000));
            index.commit();
        }
    }

    @Test
    void aSearchPastTheLimitIsRefusedWithTheReason() {
        // the deadline has passed before the first block of documents is collected
        try (LuceneContextIndex index = LuceneContextIndex.openReadOnly(tmp.resolve("idx"), Duration.ofNanos(1))) {
            SearchTimeoutException e = assertThrows(SearchTimeoutException.class,
                    () -> index.search("the", SearchOptions.defaults()));
            assertTrue(e.problem().contains("\"the\" was stopped after the 1 ns time limit"), e.problem());
            assertTrue(e.fix().contains("narrow it"), e.fix());
            assertEquals(Duration.ofNanos(1), e.limit());
            assertThrows(SearchTimeoutException.class, () -> index.topFeatures("the", 5));
            assertThrows(SearchTimeoutException.class, () -> index.search("", SearchOptions.defaults()));
        }
    }

    @Test
    void aSearchWithinTheLimitMatchesAnUnlimitedOne() {
        try (LuceneContextIndex limited = LuceneContextIndex.openReadOnly(tmp.resolve("idx"), Duration.ofMinutes(1));
                LuceneContextIndex plain = LuceneContextIndex.openReadOnly(tmp.resolve("idx"))) {
            for (String q : new String[] {"the", "of act>2", ""}) {
                SearchResults a = limited.search(q, SearchOptions.defaults().withTop(50));
                SearchResults b = plain.search(q, SearchOptions.defaults().withTop(50));
                assertTrue(a.totalHits() > 0, q);
                assertEquals(b.totalHits(), a.totalHits(), q);
                assertEquals(b.hits().stream().map(h -> h.record().text()).toList(),
                        a.hits().stream().map(h -> h.record().text()).toList(), q);
                assertEquals(plain.topFeatures(q, 10), limited.topFeatures(q, 10), q);
            }
        }
    }

    @Test
    void aLimitMustBePositive() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> LuceneContextIndex.openReadOnly(tmp.resolve("idx"), Duration.ZERO));
        assertTrue(e.problem().contains("must be positive"), e.problem());
    }
}
