package org.vivarium.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.FeatureAggregate;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.index.SearchResults;
import org.vivarium.api.index.SortOrder;

/**
 * A {@link ContextIndex} in a Lucene 9 {@link FSDirectory}.
 *
 * <pre>{@code
 * try (LuceneContextIndex index = LuceneContextIndex.open(Path.of("runs/index"))) {
 *     index.add(records);
 *     index.commit();
 * }
 * try (LuceneContextIndex index = LuceneContextIndex.openReadOnly(Path.of("runs/index"))) {
 *     index.search("feature:sae/L1/812 AND advice", SearchOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Thread-safe: adds, searches and commits may run concurrently. Searches see added records
 * immediately (near-real-time readers); a read-only index sees commits made by other processes
 * within about a second.
 */
public final class LuceneContextIndex implements ContextIndex {
    private static final Sort BY_ACTIVATION = new Sort(new SortField(IndexFields.ACT, SortField.Type.FLOAT, true));
    private static final double RAM_BUFFER_MB = 48;
    private static final long READ_ONLY_REFRESH_NANOS = 1_000_000_000L;

    private final Path dir;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final QueryTranslator translator;
    private final ContextHighlighter highlighter;
    private final AtomicBoolean stale = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Time limit of one search in nanoseconds, 0 for none. */
    private final long timeLimitNanos;
    /** The clock the time limit is measured on ({@link System#nanoTime()} outside tests). */
    private final LongSupplier clock;
    private volatile long lastRefresh = System.nanoTime();

    private LuceneContextIndex(Path dir, Directory directory, Analyzer analyzer, IndexWriter writer,
            SearcherManager searchers, Duration timeLimit, LongSupplier clock) {
        this.dir = dir;
        this.clock = clock;
        this.timeLimitNanos = timeLimit == null ? 0 : timeLimit.toNanos();
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = searchers;
        this.translator = new QueryTranslator(analyzer);
        this.highlighter = new ContextHighlighter(analyzer);
    }

    /**
     * Opens an index for reading and writing, creating it when {@code dir} is missing or empty.
     *
     * @param dir the index directory
     * @return the open index; close it when done
     * @throws VivariumException if {@code dir} is not an index, its format is newer, or another
     *     process is writing it
     */
    public static LuceneContextIndex open(Path dir) {
        boolean create = isMissingOrEmpty(dir);
        Analyzer analyzer = IndexAnalyzers.create();
        Directory directory = null;
        IndexWriter writer = null;
        try {
            if (create) {
                Files.createDirectories(dir);
                IndexHeader.write(dir);
            } else {
                IndexHeader.check(dir);
            }
            directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB);
            writer = new IndexWriter(directory, config);
            if (create || !DirectoryReader.indexExists(directory)) {
                writer.commit();
            }
            return new LuceneContextIndex(dir, directory, analyzer, writer, new SearcherManager(writer, null), null,
                    System::nanoTime);
        } catch (LockObtainFailedException e) {
            closeQuietly(writer, directory, analyzer);
            throw new VivariumException("index " + dir + " is being written by another process",
                    "wait for it to finish, or open the index read-only", e);
        } catch (IOException e) {
            closeQuietly(writer, directory, analyzer);
            throw new VivariumException("cannot open index " + dir + ": " + e.getMessage(),
                    "check the directory's permissions and free disk space", e);
        } catch (RuntimeException e) {
            closeQuietly(writer, directory, analyzer);
            throw e;
        }
    }

    /**
     * Opens an existing index for searching only; it takes no write lock.
     *
     * @param dir the index directory
     * @return the open index; close it when done
     * @throws VivariumException if there is no index at {@code dir} or its format is newer
     */
    public static LuceneContextIndex openReadOnly(Path dir) {
        return openReadOnly(dir, null);
    }

    /**
     * Opens an existing index for searching only, with a time limit per search: a {@link #search},
     * {@link #topFeatures} or {@link #count} that runs longer is stopped and throws
     * {@link SearchTimeoutException} instead of returning a partial result. The limit covers the whole search:
     * collection (Lucene's {@link IndexSearcher#setTimeout}, checked between blocks of documents) and then the
     * loading of each hit's stored fields and its highlighting (checked before each hit).
     *
     * <pre>{@code
     * try (LuceneContextIndex index = LuceneContextIndex.openReadOnly(dir, Duration.ofSeconds(5))) {
     *     index.search("the", SearchOptions.defaults());   // throws SearchTimeoutException if it takes > 5 s
     * }
     * }</pre>
     *
     * @param dir the index directory
     * @param searchTimeLimit the longest one search may take, or {@code null} for no limit
     * @return the open index; close it when done
     * @throws VivariumException if there is no index at {@code dir}, its format is newer, or the limit is not
     *     positive
     */
    public static LuceneContextIndex openReadOnly(Path dir, Duration searchTimeLimit) {
        return openReadOnly(dir, searchTimeLimit, System::nanoTime);
    }

    /**
     * {@link #openReadOnly(Path, Duration)} with the time limit measured on a given nanosecond clock.
     *
     * @param dir the index directory
     * @param searchTimeLimit the longest one search may take, or {@code null} for no limit
     * @param clock reads the time in nanoseconds, like {@link System#nanoTime()}
     * @return the open index
     */
    static LuceneContextIndex openReadOnly(Path dir, Duration searchTimeLimit, LongSupplier clock) {
        if (searchTimeLimit != null && (searchTimeLimit.isNegative() || searchTimeLimit.isZero())) {
            throw new VivariumException("the search time limit must be positive, got " + searchTimeLimit,
                    "pass e.g. 5 seconds, or no limit");
        }
        if (isMissingOrEmpty(dir)) {
            throw new VivariumException("no context index at " + dir,
                    "build one first (it is written when activations are indexed) or pass --index DIR");
        }
        IndexHeader.check(dir);
        Analyzer analyzer = IndexAnalyzers.create();
        Directory directory = null;
        try {
            directory = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(directory)) {
                throw new VivariumException("index " + dir + " has no committed data",
                        "rebuild it, or wait for the process writing it to commit");
            }
            return new LuceneContextIndex(dir, directory, analyzer, null, new SearcherManager(directory, null),
                    searchTimeLimit, clock);
        } catch (IOException e) {
            closeQuietly(null, directory, analyzer);
            throw new VivariumException("cannot read index " + dir + ": " + e.getMessage(),
                    "check the directory's permissions, or rebuild the index", e);
        } catch (RuntimeException e) {
            closeQuietly(null, directory, analyzer);
            throw e;
        }
    }

    /**
     * Returns the index directory.
     *
     * @return the directory given to {@code open}
     */
    public Path directory() {
        return dir;
    }

    @Override
    public void add(Collection<ContextRecord> records) {
        IndexWriter w = requireWriter();
        List<Document> docs = new ArrayList<>(records.size());
        for (ContextRecord r : records) {
            docs.add(ContextDocuments.toDocument(r));
        }
        try {
            w.addDocuments(docs);
            stale.set(true);
        } catch (IOException e) {
            throw ioFailure("add to", e);
        }
    }

    @Override
    public long delete(String query) {
        IndexWriter w = requireWriter();
        Query q = translator.translate(query == null ? "" : query);
        long n = withSearcher(query, (searcher, pastDeadline) -> (long) searcher.count(q));
        if (n == 0) {
            return 0;
        }
        try {
            w.deleteDocuments(q);
            stale.set(true);
        } catch (IOException e) {
            throw ioFailure("delete from", e);
        }
        return n;
    }

    @Override
    public long replace(String scope, Collection<ContextRecord> records) {
        String s = scope == null ? "" : scope.trim();
        if (s.isEmpty() || s.equals("*")) {
            throw new VivariumException("refusing to replace the whole index: the scope query is \"" + s + "\"",
                    "scope the replacement to the features being published, e.g. \"feature:sae/L1/* AND run:R\"");
        }
        long deleted = delete(s);
        add(records);
        commit();
        return deleted;
    }

    @Override
    public void commit() {
        try {
            requireWriter().commit();
        } catch (IOException e) {
            throw ioFailure("commit", e);
        }
    }

    @Override
    public SearchResults search(String query, SearchOptions options) {
        String text = query == null ? "" : query;
        Query q = translator.translate(text);
        Set<String> terms = QueryTranslator.textTerms(q);
        boolean byActivation = options.sort() == SortOrder.ACTIVATION;
        return withSearcher(text, (searcher, pastDeadline) -> {
            TopDocs top = byActivation
                    ? searcher.search(q, options.top(), BY_ACTIVATION)
                    : searcher.search(q, options.top());
            StoredFields stored = searcher.storedFields();
            List<ContextHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                if (pastDeadline.getAsBoolean()) {
                    throw timeout(text); // collected in time, but loading and highlighting the hits took too long
                }
                ContextRecord r = ContextDocuments.toRecord(stored.document(sd.doc));
                float score = byActivation || Float.isNaN(sd.score) ? 0f : sd.score;
                hits.add(new ContextHit(hits.size() + 1, r, score, highlighter.highlight(r, terms)));
            }
            boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
            return new SearchResults(text, top.totalHits.value, exact, hits);
        });
    }

    @Override
    public List<FeatureAggregate> topFeatures(String query, int n) {
        if (n < 1) {
            throw new VivariumException("the number of features must be at least 1, got " + n, "pass e.g. --top 20");
        }
        Query q = translator.translate(query);
        return withSearcher(query,
                (searcher, pastDeadline) -> FeatureAggregation.top(searcher.search(q, new FeatureAggregation()), n));
    }

    @Override
    public long count(String query) {
        Query q = translator.translate(query);
        return withSearcher(query, (searcher, pastDeadline) -> (long) searcher.count(q));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw ioFailure("close", e);
        } finally {
            closeQuietly(null, directory, analyzer);
        }
    }

    private IndexWriter requireWriter() {
        if (writer == null) {
            throw new IllegalStateException("index " + dir + " was opened read-only; use LuceneContextIndex.open");
        }
        if (closed.get()) {
            throw new IllegalStateException("index " + dir + " is closed");
        }
        return writer;
    }

    private <T> T withSearcher(String query, SearcherTask<T> task) {
        if (closed.get()) {
            throw new IllegalStateException("index " + dir + " is closed");
        }
        try {
            refreshIfNeeded();
            IndexSearcher searcher = searchers.acquire();
            try {
                if (timeLimitNanos == 0) {
                    return task.run(searcher, () -> false);
                }
                long deadline = clock.getAsLong() + timeLimitNanos;
                BooleanSupplier pastDeadline = () -> clock.getAsLong() - deadline > 0;
                IndexSearcher limited = timeLimited(searcher, pastDeadline);
                T result = task.run(limited, pastDeadline);
                if (limited.timedOut()) {
                    throw timeout(query);
                }
                return result;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw ioFailure("search", e);
        }
    }

    /**
     * A searcher over the same reader whose collection stops at the deadline: the timeout and its
     * {@link IndexSearcher#timedOut()} flag belong to one search, so the shared searcher is never changed.
     */
    private IndexSearcher timeLimited(IndexSearcher shared, BooleanSupplier pastDeadline) {
        IndexSearcher s = new IndexSearcher(shared.getIndexReader());
        s.setSimilarity(shared.getSimilarity());
        s.setQueryCache(shared.getQueryCache());
        s.setQueryCachingPolicy(shared.getQueryCachingPolicy());
        s.setTimeout(pastDeadline::getAsBoolean);
        return s;
    }

    private SearchTimeoutException timeout(String query) {
        return new SearchTimeoutException(query == null ? "" : query, Duration.ofNanos(timeLimitNanos));
    }

    private void refreshIfNeeded() throws IOException {
        if (writer != null) {
            if (stale.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
        } else if (System.nanoTime() - lastRefresh > READ_ONLY_REFRESH_NANOS) {
            lastRefresh = System.nanoTime();
            searchers.maybeRefresh();
        }
    }

    private VivariumException ioFailure(String action, IOException e) {
        return new VivariumException("cannot " + action + " index " + dir + ": " + e.getMessage(),
                "check free disk space and permissions; rebuild the index if it is corrupt", e);
    }

    private static boolean isMissingOrEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            throw new VivariumException(dir + " is a file, not an index directory", "pass a directory with --index");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new VivariumException("cannot list " + dir + ": " + e.getMessage(), "check its permissions", e);
        }
    }

    private static void closeQuietly(IndexWriter writer, Directory directory, Analyzer analyzer) {
        for (AutoCloseable c : new AutoCloseable[] {writer, directory, analyzer}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort while reporting the original failure
                }
            }
        }
    }

    /** A unit of work against an acquired searcher. */
    @FunctionalInterface
    private interface SearcherTask<T> {
        T run(IndexSearcher searcher, BooleanSupplier pastDeadline) throws IOException;
    }
}
