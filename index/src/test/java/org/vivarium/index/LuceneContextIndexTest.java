package org.vivarium.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.FeatureAggregate;
import org.vivarium.api.index.Mark;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.index.SearchResults;
import org.vivarium.api.index.SortOrder;
import org.vivarium.index.bench.SyntheticContexts;

/** Queries against a real Lucene index of synthetic contexts, checked against brute force. */
class LuceneContextIndexTest {
    private static final int N = 4000;

    @TempDir
    static Path tmp;

    private static List<ContextRecord> records;
    private static LuceneContextIndex index;
    private static String popularFeature;

    @BeforeAll
    static void build() {
        SyntheticContexts gen = new SyntheticContexts(42, 3000, 200);
        records = gen.next(N);
        popularFeature = gen.features().get(0);
        index = LuceneContextIndex.open(tmp.resolve("idx"));
        index.add(records.subList(0, N / 2));
        index.commit();
        index.add(records.subList(N / 2, N));
        index.commit();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static boolean hasWord(ContextRecord r, String word) {
        return Arrays.asList(r.text().replace(".", "").split(" ")).contains(word);
    }

    private static long brute(Predicate<ContextRecord> p) {
        return records.stream().filter(p).count();
    }

    @Test
    void fullTextCountsMatchBruteForce() {
        for (String w : List.of("password", "doctor", "the", "advice")) {
            long expected = brute(r -> hasWord(r, w));
            assertTrue(expected > 0, "generator should produce " + w);
            assertEquals(expected, index.count(w), w);
        }
        assertEquals(brute(r -> hasWord(r, "doctor") && hasWord(r, "advice")), index.count("doctor advice"));
        assertEquals(brute(r -> hasWord(r, "doctor") || hasWord(r, "advice")), index.count("doctor OR advice"));
        assertEquals(brute(r -> hasWord(r, "doctor") && !hasWord(r, "the")), index.count("doctor NOT the"));
        assertEquals(N, index.count(""));
        assertEquals(N, index.count("*"));
    }

    @Test
    void featureQueriesNeedNoEscaping() {
        long expected = brute(r -> r.feature().equals(popularFeature));
        assertTrue(expected > 10);
        assertEquals(expected, index.count("feature:" + popularFeature));
        assertEquals(brute(r -> r.feature().equals("probe/misaligned@L2")), index.count("feature:probe/misaligned@L2"));
        assertTrue(index.count("feature:probe/misaligned@L2") > 0);
        assertEquals(brute(r -> r.source().equals("probe")), index.count("source:probe"));
        assertEquals(brute(r -> r.feature().startsWith("sae/L1/")), index.count("feature:sae/L1/*"));
        assertEquals(brute(r -> r.feature().equals(popularFeature) && hasWord(r, "the")),
                index.count("feature:" + popularFeature + " AND the"));
        assertEquals(brute(r -> r.feature().equals(popularFeature) && hasWord(r, "the")),
                index.count("(feature:" + popularFeature + ") the"));
    }

    @Test
    void numericRangesMatchBruteForce() {
        assertEquals(brute(r -> r.activation() > 3.0f), index.count("act>3.0"));
        assertEquals(brute(r -> r.activation() >= 3f), index.count("act>=3"));
        assertEquals(brute(r -> r.activation() < 1f), index.count("act<1"));
        assertEquals(brute(r -> r.activation() >= 2f && r.activation() <= 5f), index.count("act:[2 TO 5]"));
        assertEquals(brute(r -> r.activation() > 2f && r.activation() < 5f), index.count("act:{2 TO 5}"));
        assertEquals(brute(r -> r.layer() == 1), index.count("layer:1"));
        assertEquals(brute(r -> r.layer() > 1), index.count("layer>1"));
        assertEquals(brute(r -> hasWord(r, "the") && r.activation() > 3f && r.layer() <= 2),
                index.count("the act>3.0 layer<=2"));
    }

    @Test
    void keywordFieldsMatchExactly() {
        ContextRecord first = records.get(0);
        assertEquals(brute(r -> r.model().equals(first.model())), index.count("model:" + first.model()));
        assertEquals(brute(r -> r.hook().equals(first.hook())), index.count("hook:" + first.hook()));
        assertEquals(brute(r -> r.run().equals(first.run())), index.count("run:" + first.run()));
    }

    @Test
    void defaultSortIsActivationDescending() {
        SearchResults res = index.search("the", SearchOptions.defaults().withTop(50));
        List<ContextHit> hits = res.hits();
        assertEquals(50, hits.size());
        List<Float> expectedTop = records.stream().filter(r -> hasWord(r, "the"))
                .map(ContextRecord::activation).sorted(Comparator.reverseOrder()).limit(50).toList();
        for (int i = 0; i < hits.size(); i++) {
            assertEquals(i + 1, hits.get(i).rank());
            assertEquals(expectedTop.get(i), hits.get(i).record().activation(), 0f, "rank " + (i + 1));
        }
        assertTrue(res.totalHits() > 0);
    }

    @Test
    void relevanceSortOrdersByScore() {
        SearchResults res = index.search("doctor advice", new SearchOptions(30, SortOrder.RELEVANCE));
        assertFalse(res.hits().isEmpty());
        for (int i = 1; i < res.hits().size(); i++) {
            assertTrue(res.hits().get(i - 1).score() >= res.hits().get(i).score());
        }
        assertTrue(res.hits().get(0).score() > 0);
    }

    @Test
    void aggregationMatchesBruteForce() {
        String word = "password";
        Map<String, List<ContextRecord>> groups = records.stream().filter(r -> hasWord(r, word))
                .collect(Collectors.groupingBy(ContextRecord::feature));
        List<FeatureAggregate> expected = groups.entrySet().stream().map(e -> new FeatureAggregate(e.getKey(),
                e.getValue().size(),
                (float) e.getValue().stream().mapToDouble(ContextRecord::activation).max().orElseThrow(),
                e.getValue().stream().mapToDouble(ContextRecord::activation).average().orElseThrow()))
                .sorted(FeatureAggregation.RANKING).limit(15).toList();
        List<FeatureAggregate> actual = index.topFeatures(word, 15);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            FeatureAggregate e = expected.get(i);
            FeatureAggregate a = actual.get(i);
            assertEquals(e.feature(), a.feature(), "rank " + i);
            assertEquals(e.count(), a.count());
            assertEquals(e.maxActivation(), a.maxActivation(), 0f);
            assertEquals(e.meanActivation(), a.meanActivation(), 1e-5);
        }
        Map<String, Long> all = new HashMap<>();
        index.topFeatures("*", 1000).forEach(f -> all.put(f.feature(), f.count()));
        assertEquals(N, all.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void highlightMarksTheFiringSpanExactly() {
        SearchResults res = index.search("feature:" + popularFeature, SearchOptions.defaults().withTop(25));
        for (ContextHit hit : res.hits()) {
            ContextRecord r = hit.record();
            String expected = r.text().substring(0, r.spanStart()) + "«" + r.firingToken() + "»"
                    + r.text().substring(r.spanEnd());
            assertEquals(expected, hit.highlight().terminal());
            Mark firing = hit.highlight().marks().get(0);
            assertEquals(Mark.Kind.FIRING, firing.kind());
            assertEquals(r.spanStart(), firing.start());
            assertTrue(hit.highlight().html().contains("<mark>" + r.firingToken() + "</mark>"));
        }
    }

    @Test
    void highlightAlsoMarksQueryWords() {
        ContextHit hit = index.search("doctor", SearchOptions.defaults().withTop(40)).hits().stream()
                .filter(h -> !h.record().firingToken().equals("doctor")).findFirst().orElseThrow();
        assertTrue(hit.highlight().terminal().contains("[doctor]"), hit.highlight().terminal());
        assertTrue(hit.highlight().html().contains("<em>doctor</em>"));
    }

    @Test
    void searchSeesUncommittedRecordsAndReopenKeepsData(@TempDir Path dir) {
        ContextRecord rec = new ContextRecord("probe/misaligned@L2", "the doctor gave bad advice", 20, 26, 4.5f,
                "em-small", "run-1", "blocks.2.hook_resid_post", 2);
        try (LuceneContextIndex idx = LuceneContextIndex.open(dir)) {
            idx.add(List.of(rec));
            assertEquals(1, idx.count("feature:probe/misaligned@L2 AND advice"));
            idx.commit();
        }
        try (LuceneContextIndex idx = LuceneContextIndex.openReadOnly(dir)) {
            ContextHit hit = idx.search("advice act>3.0", SearchOptions.defaults()).hits().get(0);
            assertEquals(rec, hit.record());
            assertEquals("the doctor gave bad «advice»", hit.highlight().terminal());
            assertThrows(IllegalStateException.class, () -> idx.add(List.of(rec)));
        }
        try (LuceneContextIndex idx = LuceneContextIndex.open(dir)) {
            idx.add(List.of(rec));
        }
        try (LuceneContextIndex idx = LuceneContextIndex.openReadOnly(dir)) {
            assertEquals(2, idx.count("advice"), "close() commits pending records");
        }
    }

}
