package org.vivarium.runtime.encoder;

import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * One encoder input batch: token ids, token types (segments) and the attention (padding) mask, all
 * {@code [batch][pos]}. Rows are right-padded; a mask of 0 hides that key position from every query.
 *
 * <pre>{@code
 * EncoderBatch b = EncoderBatch.padded(List.of(tok.encode("a short one"), tok.encode("a longer sentence here")),
 *         tok.padId());
 * }</pre>
 *
 * @param tokens token ids
 * @param tokenTypes token type ids (0 for single sentences)
 * @param attentionMask 1 for real tokens, 0 for padding
 */
public record EncoderBatch(int[][] tokens, int[][] tokenTypes, int[][] attentionMask) {

    /** Checks the three arrays have the same rectangular shape, masks are 0/1 and no row is all padding. */
    public EncoderBatch {
        if (tokens == null || tokens.length == 0 || tokens[0].length == 0) {
            throw new VivariumException("no tokens to run", "pass at least one non-empty sequence");
        }
        int t = tokens[0].length;
        check(tokenTypes, "token types", tokens.length, t);
        check(attentionMask, "attention mask", tokens.length, t);
        for (int b = 0; b < tokens.length; b++) {
            if (tokens[b].length != t) {
                throw new VivariumException("ragged batch: sequence " + b + " has " + tokens[b].length
                        + " tokens but sequence 0 has " + t, "pad the rows to one length with EncoderBatch.padded");
            }
            int kept = 0;
            for (int v : attentionMask[b]) {
                if (v != 0 && v != 1) {
                    throw new VivariumException("attention mask row " + b + " holds " + v,
                            "use 1 for real tokens and 0 for padding");
                }
                kept += v;
            }
            if (kept == 0) {
                throw new VivariumException("attention mask row " + b + " hides every token",
                        "drop empty rows or unmask at least one token");
            }
        }
    }

    private static void check(int[][] a, String what, int rows, int cols) {
        if (a == null || a.length != rows) {
            throw new VivariumException(what + " must have " + rows + " rows like the tokens",
                    "pass tokens, token types and mask of one shape");
        }
        for (int[] r : a) {
            if (r.length != cols) {
                throw new VivariumException(what + " must have " + cols + " columns like the tokens",
                        "pass tokens, token types and mask of one shape");
            }
        }
    }

    /**
     * Wraps equal-length sequences with no padding and token type 0.
     *
     * @param tokens {@code [batch][pos]} ids
     * @return the batch
     */
    public static EncoderBatch unpadded(int[][] tokens) {
        int rows = tokens == null ? 0 : tokens.length;
        int cols = rows == 0 ? 0 : tokens[0].length;
        int[][] ones = new int[rows][cols];
        for (int[] r : ones) {
            java.util.Arrays.fill(r, 1);
        }
        return new EncoderBatch(tokens, new int[rows][cols], ones);
    }

    /**
     * Right-pads sequences of different lengths to the longest, with token type 0.
     *
     * @param sequences token ids, each non-empty
     * @param padId the padding token's id
     * @return the batch
     */
    public static EncoderBatch padded(List<int[]> sequences, int padId) {
        int t = sequences.stream().mapToInt(s -> s.length).max().orElse(0);
        int[][] ids = new int[sequences.size()][t];
        int[][] mask = new int[sequences.size()][t];
        for (int b = 0; b < sequences.size(); b++) {
            int[] s = sequences.get(b);
            java.util.Arrays.fill(ids[b], padId);
            System.arraycopy(s, 0, ids[b], 0, s.length);
            java.util.Arrays.fill(mask[b], 0, s.length, 1);
        }
        return new EncoderBatch(ids, new int[sequences.size()][t], mask);
    }

    /** @return the number of rows */
    public int size() {
        return tokens.length;
    }

    /** @return the padded length */
    public int length() {
        return tokens[0].length;
    }
}
