package org.vivarium.testkit;

import java.nio.file.Path;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.index.LuceneContextIndex;

/**
 * Real context indexes for tests: the Lucene index the host opens at {@code runs/index}, seen through the API.
 * Hand it to a command or auditor the way DS would, e.g. {@code new FitCommand(() -> Optional.of(index))}:
 *
 * <pre>{@code
 * try (ContextIndex index = TestIndexes.open(tmp.resolve("index"))) {
 *     ...
 *     assertEquals(20, index.count("feature:probe/diffmean@blocks.1.hook_resid_post"));
 * }
 * }</pre>
 */
public final class TestIndexes {
    private TestIndexes() {
    }

    /**
     * Opens (creating if missing) a context index.
     *
     * @param dir the index directory
     * @return the open index; close it when done
     */
    public static ContextIndex open(Path dir) {
        return LuceneContextIndex.open(dir);
    }
}
