package org.vivarium.api.context;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * Turns top-activating positions into context windows: up to {@code before} tokens before the firing token and
 * {@code after} after it, cut at the sequence's edges, rendered from the sequence's stored {@link TokenText}.
 *
 * <pre>{@code
 * ContextExtractor x = new ContextExtractor(32, 8);
 * List<TokenText> tokens = cache.tokens(run);              // from the cache alone
 * for (ContextWindow w : x.windows(tokens, top.best(latent))) {
 *     if (w.markable()) records.add(w.record("sae/L1/" + latent, model, run, hook, 1));
 * }
 * }</pre>
 *
 * <p>Methods that keep one context per prompt (each prompt's strongest token, then the strongest prompts) pick the
 * token with {@link #bestPosition} and rank prompts with {@link TopPositions}.
 */
public final class ContextExtractor {
    private final int before;
    private final int after;

    /**
     * Sets the window size.
     *
     * @param before tokens kept before the firing token
     * @param after tokens kept after it
     * @throws IllegalArgumentException if either is negative
     */
    public ContextExtractor(int before, int after) {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("window sizes must be >= 0, got " + before + " before and " + after
                    + " after");
        }
        this.before = before;
        this.after = after;
    }

    /**
     * Returns an extractor whose windows are whole sequences.
     *
     * @return the extractor
     */
    public static ContextExtractor wholeSequence() {
        return new ContextExtractor(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Returns the window's token range around a position.
     *
     * @param length the sequence length
     * @param pos the firing position
     * @return {@code {from, to}}, {@code to} exclusive
     */
    public int[] range(int length, int pos) {
        int from = (int) Math.max(0, (long) pos - before);
        int to = (int) Math.min(length, (long) pos + after + 1);
        return new int[] {from, to};
    }

    /**
     * Builds the window of one firing.
     *
     * @param sequences the tokens of every sequence, by sequence index
     * @param f the firing
     * @return the window
     * @throws VivariumException if the firing lies outside the sequences (activations and tokens from different
     *     runs)
     */
    public ContextWindow window(List<TokenText> sequences, Firing f) {
        if (f.seq() < 0 || f.seq() >= sequences.size() || f.pos() < 0
                || f.pos() >= sequences.get(f.seq()).length()) {
            throw new VivariumException("activation at sequence " + f.seq() + ", position " + f.pos()
                    + " lies outside the tokens (" + sequences.size() + " sequences" + (f.seq() >= 0
                    && f.seq() < sequences.size() ? ", this one has " + sequences.get(f.seq()).length() + " tokens"
                    : "") + ")", "take activations and tokens from the same run");
        }
        TokenText t = sequences.get(f.seq());
        int[] r = range(t.length(), f.pos());
        return new ContextWindow(f, r[0], t.render(r[0], r[1]));
    }

    /**
     * Builds the windows of several firings.
     *
     * @param sequences the tokens of every sequence, by sequence index
     * @param firings the firings, e.g. {@link TopPositions#best(int)}
     * @return one window per firing, in the same order
     * @throws VivariumException if a firing lies outside the sequences
     */
    public List<ContextWindow> windows(List<TokenText> sequences, List<Firing> firings) {
        List<ContextWindow> out = new ArrayList<>(firings.size());
        for (Firing f : firings) {
            out.add(window(sequences, f));
        }
        return out;
    }

    /**
     * Picks a sequence's strongest token among those with text (only those can be marked): the first position of
     * the highest finite value.
     *
     * @param values one value per token position
     * @param tokens the sequence's tokens (at least as long as {@code values})
     * @return the position, or -1 if no token with text has a finite value
     */
    public static int bestPosition(double[] values, TokenText tokens) {
        int best = -1;
        for (int p = 0; p < values.length; p++) {
            if (Double.isFinite(values[p]) && (best < 0 || values[p] > values[best]) && !tokens.piece(p).isEmpty()) {
                best = p;
            }
        }
        return best;
    }
}
