package org.vivarium.api.cache;

import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.tensor.Tensor;

/**
 * Appends rows to one run, batch by batch. Rows become visible, and survive a crash, only once
 * {@link #commit()} returns.
 *
 * <pre>{@code
 * try (RunWriter w = cache.newRun(spec)) {
 *     for (Batch b : batches) {
 *         w.append("blocks.0.hook_resid_post", b.seq(), b.resid()); // [pos, d_model]
 *         w.tokens(b.seq(), TokenText.of(tokenizer, b.ids()));
 *         w.commit();
 *     }
 *     w.finish();
 * }
 * }</pre>
 *
 * <p>A hook's width is fixed by its first row. Use one writer from one thread.
 */
@ProviderType
public interface RunWriter extends AutoCloseable {

    /**
     * Returns the run being written.
     *
     * @return the run id
     */
    String runId();

    /**
     * Appends one row.
     *
     * @param hook hook path
     * @param seq sequence index (non-negative)
     * @param pos token position (non-negative)
     * @param row the values; copied before this returns
     * @throws org.vivarium.api.VivariumException if the row would take the cache past its size limit
     * @throws IllegalArgumentException if the width differs from this hook's earlier rows
     */
    void append(String hook, int seq, int pos, float[] row);

    /**
     * Appends the rows of one sequence, positions {@code 0..n-1}.
     *
     * @param hook hook path
     * @param seq sequence index
     * @param rows {@code [pos, width]}
     * @throws org.vivarium.api.VivariumException if the rows would take the cache past its size limit
     */
    void append(String hook, int seq, Tensor rows);

    /**
     * Records the tokens of one sequence, so readers can show its contexts from the cache alone (no prompt file, no
     * tokenizer). Like rows, they become durable and visible at the next {@link #commit()}.
     *
     * @param seq sequence index (non-negative)
     * @param tokens the sequence's token ids and display texts, as run
     * @throws IllegalArgumentException if {@code seq} is negative or the sequence already has tokens in this run
     * @since 1.3
     */
    void tokens(int seq, TokenText tokens);

    /**
     * Returns the rows appended since the last commit.
     *
     * @return the pending row count
     */
    long pendingRows();

    /**
     * Makes every row appended so far durable and visible: data is flushed and fsynced, then the
     * metadata transaction commits. A crash before this returns loses only this batch.
     */
    void commit();

    /**
     * Commits the last batch, marks the run {@link RunState#COMPLETE} and closes the writer.
     */
    void finish();

    /**
     * Ends the writer. Rows appended since the last {@link #commit()} are discarded; committed rows
     * stay. Without a prior {@link #finish()} the run stays {@link RunState#INCOMPLETE}, so a run cut
     * short by an exception is never mistaken for a whole one.
     */
    @Override
    void close();
}
