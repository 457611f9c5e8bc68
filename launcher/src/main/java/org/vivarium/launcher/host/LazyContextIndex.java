package org.vivarium.launcher.host;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.FeatureAggregate;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.index.SearchResults;
import org.vivarium.index.LuceneContextIndex;

/**
 * The host's shared {@link ContextIndex} service: opens the Lucene index (default {@code runs/index}) on
 * the first call, so starting the host never takes the index's write lock unless a plugin writes to it.
 * Plugins must not close it; the host does.
 */
final class LazyContextIndex implements ContextIndex {
    private final Path dir;
    private LuceneContextIndex index;

    LazyContextIndex(Path dir) {
        this.dir = dir;
    }

    private synchronized ContextIndex index() {
        if (index == null) {
            index = LuceneContextIndex.open(dir);
        }
        return index;
    }

    @Override
    public void add(Collection<ContextRecord> records) {
        index().add(records);
    }

    @Override
    public long delete(String query) {
        return index().delete(query);
    }

    @Override
    public long replace(String scope, Collection<ContextRecord> records) {
        return index().replace(scope, records);
    }

    @Override
    public void commit() {
        index().commit();
    }

    @Override
    public SearchResults search(String query, SearchOptions options) {
        return index().search(query, options);
    }

    @Override
    public List<FeatureAggregate> topFeatures(String query, int n) {
        return index().topFeatures(query, n);
    }

    @Override
    public long count(String query) {
        return index().count(query);
    }

    /** Plugins' close calls are ignored: the index is shared and owned by the host. */
    @Override
    public void close() {
    }

    /** Closes the Lucene index if it was opened. */
    synchronized void shutdown() {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
