package org.vivarium.index.extract;

import java.util.PriorityQueue;

/** Keeps the {@code k} largest activations seen for one unit (a bounded min-heap). */
final class TopContexts {
    /** One candidate: which prompt, which position, how strongly. */
    record Entry(int prompt, int position, float activation) {
    }

    private final int k;
    private final PriorityQueue<Entry> heap = new PriorityQueue<>((a, b) -> Float.compare(a.activation(), b.activation()));

    TopContexts(int k) {
        this.k = k;
    }

    void offer(int prompt, int position, float activation) {
        if (heap.size() < k) {
            heap.add(new Entry(prompt, position, activation));
        } else if (activation > heap.peek().activation()) {
            heap.poll();
            heap.add(new Entry(prompt, position, activation));
        }
    }

    Iterable<Entry> entries() {
        return heap;
    }
}
