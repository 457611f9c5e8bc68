package org.vivarium.cache;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One committed range of a hook's rows: {@code rows} rows stored contiguously in segment
 * {@code segment} at byte {@code offset}, with their (seq, pos) keys run-length encoded as
 * triples {@code (seq, firstPos, count)} (one triple per sequence in the usual case).
 *
 * @param segment segment number within the run
 * @param offset byte offset of the first row
 * @param rows number of rows
 * @param minSeq smallest sequence index in the chunk
 * @param maxSeq largest sequence index in the chunk
 * @param runs the key triples, flattened
 */
record Chunk(int segment, long offset, int rows, int minSeq, int maxSeq, int[] runs) {

    /**
     * Builds a chunk from per-row keys.
     *
     * @param segment segment number
     * @param offset byte offset
     * @param seqs sequence index per row
     * @param poss position per row
     * @param rows how many entries of the arrays are used
     * @return the chunk
     */
    static Chunk of(int segment, long offset, int[] seqs, int[] poss, int rows) {
        int[] triples = new int[12];
        int n = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < rows; i++) {
            min = Math.min(min, seqs[i]);
            max = Math.max(max, seqs[i]);
            boolean continues = n > 0 && triples[n - 3] == seqs[i] && triples[n - 2] + triples[n - 1] == poss[i];
            if (continues) {
                triples[n - 1]++;
            } else {
                if (n + 3 > triples.length) {
                    triples = Arrays.copyOf(triples, triples.length * 2);
                }
                triples[n++] = seqs[i];
                triples[n++] = poss[i];
                triples[n++] = 1;
            }
        }
        return new Chunk(segment, offset, rows, min, max, Arrays.copyOf(triples, n));
    }

    /**
     * Expands the keys into per-row arrays.
     *
     * @param seqs receives the sequence index of each row (length at least {@code rows})
     * @param poss receives the position of each row
     */
    void expand(int[] seqs, int[] poss) {
        int r = 0;
        for (int t = 0; t < runs.length; t += 3) {
            for (int k = 0; k < runs[t + 2]; k++) {
                seqs[r] = runs[t];
                poss[r] = runs[t + 1] + k;
                r++;
            }
        }
    }

    /**
     * Finds the last row with the given key.
     *
     * @param seq sequence index
     * @param pos position
     * @return the row index within the chunk, or -1
     */
    int indexOf(int seq, int pos) {
        int found = -1;
        int r = 0;
        for (int t = 0; t < runs.length; t += 3) {
            int count = runs[t + 2];
            if (runs[t] == seq && pos >= runs[t + 1] && pos < runs[t + 1] + count) {
                found = r + pos - runs[t + 1];
            }
            r += count;
        }
        return found;
    }

    /**
     * Counts the rows whose sequence is in {@code [from, to)}.
     *
     * @param from first sequence, inclusive
     * @param to last sequence, exclusive
     * @return the count
     */
    long countInRange(int from, int to) {
        long c = 0;
        for (int t = 0; t < runs.length; t += 3) {
            if (runs[t] >= from && runs[t] < to) {
                c += runs[t + 2];
            }
        }
        return c;
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 + 4 + 4 + 4 + 4 + 4 * runs.length);
        b.putInt(segment).putLong(offset).putInt(rows).putInt(minSeq).putInt(maxSeq).putInt(runs.length);
        for (int v : runs) {
            b.putInt(v);
        }
        return b.array();
    }

    static Chunk decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int segment = b.getInt();
        long offset = b.getLong();
        int rows = b.getInt();
        int min = b.getInt();
        int max = b.getInt();
        int[] runs = new int[b.getInt()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = b.getInt();
        }
        return new Chunk(segment, offset, rows, min, max, runs);
    }
}
