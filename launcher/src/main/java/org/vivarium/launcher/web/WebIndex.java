package org.vivarium.launcher.web;

import java.nio.file.Path;
import java.time.Duration;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.index.LuceneContextIndex;

/**
 * The context index as the pages see it: opened read-only on first use (so {@code viv index} can keep writing
 * it), retried on the next request when it is missing, closed with the server. A search that collects for longer
 * than the time limit throws {@link org.vivarium.index.SearchTimeoutException} (answered with HTTP 503).
 */
final class WebIndex implements AutoCloseable {
    private final Path dir;
    private final Duration timeLimit;
    private LuceneContextIndex index;

    WebIndex(Path dir, Duration timeLimit) {
        this.dir = dir;
        this.timeLimit = timeLimit;
    }

    /** @return the index directory */
    Path dir() {
        return dir;
    }

    /**
     * @return the open index
     * @throws org.vivarium.api.VivariumException if there is no index at the directory yet
     */
    synchronized ContextIndex get() {
        if (index == null) {
            index = LuceneContextIndex.openReadOnly(dir, timeLimit);
        }
        return index;
    }

    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
