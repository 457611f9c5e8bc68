package org.vivarium.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
    void theLimitCoversLoadingAndHighlightingTheHitsNotOnlyCollection() {
        // a clock that moves 1 µs each time it is read: collection reads it once per block of documents, and then
        // loading and highlighting read it once per hit. The same query collects the same 3,000 documents whatever
        // the number of hits asked for, so 20 hits fit into 200 µs and 500 hits do not, after collection finished.
        AtomicLong now = new AtomicLong();
        try (LuceneContextIndex index = LuceneContextIndex.openReadOnly(tmp.resolve("idx"), Duration.ofNanos(200_000),
                () -> now.addAndGet(1_000))) {
            long before = now.get();
            assertEquals(20, index.search("", SearchOptions.defaults().withTop(20)).hits().size());
            long reads = (now.get() - before) / 1_000;
            assertTrue(reads > 20 && reads < 200, "collection and 20 hits read the clock " + reads + " times");
            long start = now.get();
            SearchTimeoutException e = assertThrows(SearchTimeoutException.class,
                    () -> index.search("", SearchOptions.defaults().withTop(500)));
            assertEquals("the search \"\" was stopped after the 200000 ns time limit", e.problem());
            long stoppedAfter = (now.get() - start) / 1_000;
            assertTrue(stoppedAfter > reads - 20 && stoppedAfter <= 202,
                    "it stopped loading hits at the deadline (" + stoppedAfter + " reads), after collection");
        }
        try (LuceneContextIndex unlimited = LuceneContextIndex.openReadOnly(tmp.resolve("idx"))) {
            assertEquals(500, unlimited.search("", SearchOptions.defaults().withTop(500)).hits().size(),
                    "without a limit the 500 hits load");
        }
    }

    @Test
    void aLimitMustBePositive() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> LuceneContextIndex.openReadOnly(tmp.resolve("idx"), Duration.ZERO));
        assertTrue(e.problem().contains("must be positive"), e.problem());
    }
}
