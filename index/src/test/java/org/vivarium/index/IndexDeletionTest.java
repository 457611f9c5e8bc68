package org.vivarium.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.ContextScope;
import org.vivarium.api.index.SearchOptions;

/** Deleting and replacing contexts: what a re-run of a method (retrained SAE, re-fitted probe) relies on. */
class IndexDeletionTest {
    @TempDir
    Path dir;

    private static List<ContextRecord> contexts(String prefix, int features, String run, String hook, String word) {
        List<ContextRecord> out = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            for (int c = 0; c < 3; c++) {
                String text = "the " + word + " fired here " + c;
                int start = text.indexOf(word);
                out.add(new ContextRecord(prefix + f, text, start, start + word.length(), c + 1f, "em/base", run, hook,
                        1));
            }
        }
        return out;
    }

    @Test
    void deleteRemovesExactlyTheMatchingContextsAndSurvivesReopening() {
        Path idx = dir.resolve("idx");
        try (LuceneContextIndex index = LuceneContextIndex.open(idx)) {
            index.add(contexts("sae/L1/", 4, "run-a.1", "blocks.1.hook_resid_post", "doctor"));
            index.add(contexts("sae/L1/", 4, "run-b.2", "blocks.1.hook_resid_post", "doctor"));
            index.add(contexts("probe/logistic@blocks.1.hook_resid_post", 1, "run-a.1", "blocks.1.hook_resid_post",
                    "fever"));
            index.commit();
            assertEquals(27, index.count("*"));
            assertEquals(12, index.delete("feature:sae/L1/* AND run:run-a.1"));
            assertEquals(0, index.count("feature:sae/L1/* AND run:run-a.1"), "deletion is visible before commit");
            assertEquals(12, index.count("feature:sae/L1/*"));
            assertEquals(0, index.delete("feature:sae/L9/*"));
            index.commit();
        }
        try (LuceneContextIndex index = LuceneContextIndex.openReadOnly(idx)) {
            assertEquals(15, index.count("*"));
            assertEquals(3, index.count("fever"));
            assertThrows(IllegalStateException.class, () -> index.delete("fever"));
        }
    }

    @Test
    void replaceSwapsAnEarlierPublicationForTheNewOneInOneCommit() {
        String scope = "feature:sae/L1/* AND run:run-a.1 AND hook:blocks.1.hook_resid_post";
        try (LuceneContextIndex index = LuceneContextIndex.open(dir.resolve("idx"))) {
            assertEquals(0, index.replace(scope, contexts("sae/L1/", 4, "run-a.1", "blocks.1.hook_resid_post",
                    "doctor")));
            index.add(contexts("sae/L1/", 2, "run-a.1", "blocks.1.hook_mlp_out", "doctor"));
            index.commit();
            long deleted = index.replace(scope, contexts("sae/L1/", 2, "run-a.1", "blocks.1.hook_resid_post",
                    "nurse"));
            assertEquals(12, deleted);
            assertEquals(0, index.count("doctor hook:blocks.1.hook_resid_post"), "old contexts are gone");
            assertEquals(6, index.count("nurse"));
            assertEquals(6, index.count("doctor hook:blocks.1.hook_mlp_out"), "another hook's contexts are kept");
            assertEquals(0, index.count("feature:sae/L1/3 AND hook:blocks.1.hook_resid_post"),
                    "latents the new SAE no longer has are gone too");
            assertTrue(index.search("nurse", SearchOptions.defaults()).hits().get(0).highlight().text()
                    .contains("nurse"));
        }
    }

    @Test
    void sameFeaturesScopeReplacesOnlyTheRepublishedFeaturesOfThatModelAndRun() {
        String probe = "probe/logistic@blocks.1.hook_resid_post";
        String other = "probe/diffmean@blocks.1.hook_resid_post";
        try (LuceneContextIndex index = LuceneContextIndex.open(dir.resolve("idx"))) {
            index.add(contexts(probe, 1, "fit-1", "blocks.1.hook_resid_post", "doctor"));
            index.add(contexts(other, 1, "fit-1", "blocks.1.hook_resid_post", "doctor"));
            index.add(contexts(probe, 1, "fit-2", "blocks.1.hook_resid_post", "doctor"));
            index.commit();
            List<ContextRecord> again = contexts(probe, 1, "fit-1", "blocks.1.hook_resid_post", "nurse");
            String scope = ContextScope.sameFeatures(again);
            assertEquals("(model:em/base AND run:fit-1 AND (feature:" + probe + "0))", scope);
            assertEquals(3, index.replace(scope, again));
            assertEquals(3, index.count("nurse"));
            assertEquals(6, index.count("doctor"), "the other probe and the other run are kept");
            assertThrows(VivariumException.class, () -> ContextScope.sameFeatures(List.of()));
            assertThrows(VivariumException.class, () -> ContextScope.sameFeatures(List.of(new ContextRecord("f/1",
                    "a b", 0, 1, 1f, "my model", "r", "h", 0))));
        }
    }

    @Test
    void replaceRefusesToWipeTheWholeIndex() {
        try (LuceneContextIndex index = LuceneContextIndex.open(dir.resolve("idx"))) {
            index.add(contexts("sae/L1/", 1, "r", "h", "doctor"));
            for (String scope : new String[] {"", " ", "*", null}) {
                VivariumException e = assertThrows(VivariumException.class,
                        () -> index.replace(scope, contexts("sae/L1/", 1, "r", "h", "nurse")));
                assertTrue(e.getMessage().contains("whole index"), e.getMessage());
            }
            assertEquals(3, index.count("doctor"));
            VivariumException bad = assertThrows(VivariumException.class, () -> index.delete("feature:(a"));
            assertTrue(bad.getMessage().length() > 0);
            assertEquals(3, index.count("*"), "a malformed delete query deletes nothing");
        }
    }
}
