package org.vivarium.launcher.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.index.LuceneContextIndex;

/**
 * The context index as the pages see it: opened read-only on first use (so {@code viv index} can keep writing
 * it), retried on the next request when it is missing, closed with the server. A search that takes longer than the
 * time limit (collection, stored fields and highlighting) throws {@link org.vivarium.index.SearchTimeoutException}
 * (HTTP 503); at most {@code maxSearches} requests search at once, and one more is refused at once with
 * {@link ServerBusy} (HTTP 503 with {@code Retry-After}) rather than queued behind them.
 */
final class WebIndex implements AutoCloseable {
    private final Path dir;
    private final Duration timeLimit;
    private final int maxSearches;
    private final Semaphore searches;
    private LuceneContextIndex index;

    WebIndex(Path dir, Duration timeLimit, int maxSearches) {
        this.dir = dir;
        this.timeLimit = timeLimit;
        this.maxSearches = maxSearches;
        this.searches = new Semaphore(maxSearches);
    }

    /** @return the index directory */
    Path dir() {
        return dir;
    }

    /**
     * Runs one request's work on the index, holding one of the {@code maxSearches} permits meanwhile.
     *
     * @param work the searches of one request
     * @param <T> what it returns
     * @return its result
     * @throws ServerBusy if {@code maxSearches} requests are searching already
     * @throws org.vivarium.api.VivariumException if there is no index at the directory yet
     */
    <T> T search(Function<ContextIndex, T> work) {
        if (!searches.tryAcquire()) {
            throw new ServerBusy(maxSearches + " searches are running already (viv serve --max-searches "
                    + maxSearches + ")", "try again in a second, or start the server with a higher --max-searches");
        }
        try {
            return work.apply(open());
        } finally {
            searches.release();
        }
    }

    /** @return the permits gate, for tests that hold the searches as long-running requests would */
    Semaphore gate() {
        return searches;
    }

    private synchronized ContextIndex open() {
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
