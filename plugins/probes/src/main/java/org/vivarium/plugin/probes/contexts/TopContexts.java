package org.vivarium.plugin.probes.contexts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the {@code k} highest-scoring contexts seen so far (ties broken by lower prompt index, so the
 * result does not depend on visiting order).
 */
public final class TopContexts {
    /** Best first: higher score, then lower prompt index, then lower token index. */
    static final Comparator<ScoredContext> BEST_FIRST = Comparator.comparingDouble(ScoredContext::score).reversed()
            .thenComparingInt(ScoredContext::prompt).thenComparingInt(ScoredContext::token);

    private final int k;
    private final PriorityQueue<ScoredContext> heap = new PriorityQueue<>(BEST_FIRST.reversed());

    /**
     * @param k how many to keep, at least 1
     */
    public TopContexts(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
    }

    /**
     * Offers a context; it is kept if it is among the best {@code k} so far.
     *
     * @param c the context
     */
    public void offer(ScoredContext c) {
        if (!Double.isFinite(c.score())) {
            return;
        }
        heap.add(c);
        if (heap.size() > k) {
            heap.poll();
        }
    }

    /** @return the kept contexts, best first */
    public List<ScoredContext> best() {
        List<ScoredContext> out = new ArrayList<>(heap);
        out.sort(BEST_FIRST);
        return out;
    }
}
