package org.vivarium.plugin.lorainterp.contexts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.model.Tokenizer;

/**
 * Picks where an input direction fires most: each prompt's most activating token that has text, then the best
 * prompts (highest activation, ties by prompt then token index), as context-index records.
 */
public final class FiringContexts {
    private FiringContexts() {
    }

    /**
     * Where a feature's records come from.
     *
     * @param feature the feature id, e.g. {@code lora/blocks.2.mlp.W_out/0}
     * @param model the model name
     * @param run the run id
     * @param hook the input hook
     * @param layer the weight's layer
     */
    public record Source(String feature, String model, String run, String hook, int layer) {
    }

    private record Best(int prompt, int token, float activation) {
    }

    /**
     * Builds the records.
     *
     * @param source feature id and provenance fields
     * @param activations {@code [prompt][token]} activations (already oriented)
     * @param tokens token ids per prompt
     * @param tokenizer the model's tokenizer
     * @param top how many prompts to keep
     * @param radius tokens of context on each side
     * @return the records, best first
     */
    public static List<ContextRecord> build(Source source, float[][] activations, int[][] tokens,
            Tokenizer tokenizer, int top, int radius) {
        List<Best> best = new ArrayList<>();
        for (int p = 0; p < activations.length; p++) {
            Best b = null;
            for (int t = 0; t < activations[p].length; t++) {
                float a = activations[p][t];
                if (Float.isFinite(a) && (b == null || a > b.activation())
                        && !tokenizer.tokenText(tokens[p][t]).isEmpty()) {
                    b = new Best(p, t, a);
                }
            }
            if (b != null) {
                best.add(b);
            }
        }
        best.sort(Comparator.comparingDouble((Best b) -> -b.activation()).thenComparingInt(Best::prompt)
                .thenComparingInt(Best::token));
        List<ContextRecord> out = new ArrayList<>();
        for (Best b : best) {
            if (out.size() == top) {
                break;
            }
            ContextWindow w = ContextWindow.around(tokenizer, tokens[b.prompt()], b.token(), radius);
            if (w.markable()) {
                out.add(new ContextRecord(source.feature(), w.text(), w.spanStart(), w.spanEnd(), b.activation(),
                        source.model(), source.run(), source.hook(), source.layer()));
            }
        }
        return out;
    }
}
