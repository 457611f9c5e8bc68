package org.vivarium.plugin.circuits.lens;

import java.util.List;

/**
 * The logit lens over one prompt.
 *
 * @param rows what each row reads: {@code before L0}, ..., {@code before L(n-1)}, {@code final}
 * @param nextLogProb {@code [row][position]} log-probability of the actual next token (the last position, which has
 *     no next token, is NaN)
 * @param position the position the top tokens are read at
 * @param top {@code [row]} the top tokens at {@code position}
 * @param answer the token tracked at {@code position}, or -1
 * @param answerLogProb {@code [row]} its log-probability (empty without an answer)
 * @param answerRank {@code [row]} its rank, 1 = top (empty without an answer)
 */
public record LensResult(List<String> rows, double[][] nextLogProb, int position, List<List<TokenScore>> top,
        int answer, double[] answerLogProb, int[] answerRank) {

    /**
     * One token and its probability.
     *
     * @param token the id
     * @param text the token as the tokenizer shows it
     * @param prob its probability
     */
    public record TokenScore(int token, String text, double prob) {
    }
}
