package org.vivarium.organisms.training;

import java.util.Arrays;
import java.util.List;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.train.TokenBatch;

/**
 * Encodes texts as one training batch whose loss counts only chosen spans (the answers of dialogues): rows
 * are padded to the longest text in the batch (cropped to a maximum length) and the mask selects the
 * predictions of tokens inside a span.
 */
public final class AnswerMaskedBatch {
    private AnswerMaskedBatch() {
    }

    /**
     * Encodes texts.
     *
     * @param texts the texts
     * @param spans for each text, {@code [start, end)} token ranges whose tokens are predicted in the loss
     * @param tokenizer the tokenizer
     * @param maxLength the longest sequence kept (the model context)
     * @param pad the padding text (one token), never counted in the loss
     * @return tokens {@code [n][len]} and mask {@code [n][len-1]}, {@code len <= maxLength}
     */
    public static TokenBatch encode(List<String> texts, List<List<int[]>> spans, Tokenizer tokenizer, int maxLength,
            String pad) {
        int padId = tokenizer.encode(pad)[0];
        int[][] encoded = new int[texts.size()][];
        int len = 2;
        for (int i = 0; i < texts.size(); i++) {
            encoded[i] = tokenizer.encode(texts.get(i));
            len = Math.max(len, Math.min(maxLength, encoded[i].length));
        }
        int[][] tokens = new int[texts.size()][len];
        float[][] mask = new float[texts.size()][len - 1];
        for (int i = 0; i < texts.size(); i++) {
            int n = Math.min(encoded[i].length, len);
            Arrays.fill(tokens[i], padId);
            System.arraycopy(encoded[i], 0, tokens[i], 0, n);
            for (int[] span : spans.get(i)) {
                for (int target = Math.max(1, span[0]); target < Math.min(span[1], n); target++) {
                    mask[i][target - 1] = 1f;
                }
            }
        }
        return new TokenBatch(tokens, mask);
    }
}
