package org.vivarium.api.cache;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.context.TokenText;

/**
 * A persistent store of activations keyed by (run, hook, sequence, position), with each run's
 * provenance. Writes are batched and crash-safe; reads stream from disk.
 *
 * <pre>{@code
 * try (RunWriter w = cache.newRun(new RunSpec("r1", "organism/induction", hash, promptHash, 64,
 *         CacheDtype.F32, provenance))) {
 *     w.append("blocks.0.hook_resid_post", 0, resid); // [pos, d_model]
 *     w.commit();
 *     w.finish();
 * }
 * try (RowCursor c = cache.rows("r1", "blocks.0.hook_resid_post")) { ... }
 * }</pre>
 */
@ProviderType
public interface ActivationCache extends AutoCloseable {

    /**
     * Starts a new run; its record (with provenance) is committed at once, rows follow per batch.
     *
     * @param spec what the run is
     * @return the writer; only one writer may be open per cache
     * @throws org.vivarium.api.VivariumException if the id is invalid or already used
     * @throws IllegalStateException if another writer is open
     */
    RunWriter newRun(RunSpec spec);

    /**
     * Lists the stored runs, oldest first.
     *
     * @return every run with its committed row counts
     */
    List<CacheRun> runs();

    /**
     * Looks up one run.
     *
     * @param id run id
     * @return the run, or empty if unknown
     */
    Optional<CacheRun> run(String id);

    /**
     * Streams every committed row of a hook.
     *
     * @param run run id
     * @param hook hook path
     * @return a cursor, to be closed
     * @throws org.vivarium.api.VivariumException if the run or hook is unknown (listing known ones)
     */
    RowCursor rows(String run, String hook);

    /**
     * Streams the committed rows of a hook whose sequence index is in {@code [fromSeq, toSeq)}.
     *
     * @param run run id
     * @param hook hook path
     * @param fromSeq first sequence, inclusive
     * @param toSeq last sequence, exclusive
     * @return a cursor, to be closed
     */
    RowCursor rows(String run, String hook, int fromSeq, int toSeq);

    /**
     * Reads the tokens of a run's sequences, stored with the run by whoever cached it, so contexts can be shown
     * without the prompt file, the tokenizer or the checkpoint.
     *
     * @param run run id
     * @return the tokens of sequences {@code 0..n-1} in order ({@code n} = the committed sequences)
     * @throws org.vivarium.api.VivariumException if the run is unknown, or stores no tokens (cached by a Vivarium
     *     from before tokens were stored; the message says how to cache it again)
     * @since 1.3
     */
    List<TokenText> tokens(String run);

    /**
     * Reads one row.
     *
     * @param run run id
     * @param hook hook path
     * @param seq sequence index
     * @param pos token position
     * @return the values, or empty if that row was never committed
     */
    Optional<float[]> get(String run, String hook, int seq, int pos);

    /**
     * Deletes a run and its data files.
     *
     * @param run run id
     * @throws org.vivarium.api.VivariumException if unknown (listing known ids)
     */
    void delete(String run);

    /**
     * Returns the bytes the cache uses on disk.
     *
     * @return data plus metadata size
     */
    long sizeBytes();

    /**
     * Returns the configured size limit.
     *
     * @return the maximum size in bytes
     */
    long maxBytes();

    /** Closes the store; an open writer's uncommitted rows are discarded. */
    @Override
    void close();
}
