package org.vivarium.plugin.lorainterp.contexts;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.context.ContextExtractor;
import org.vivarium.api.context.ContextWindow;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.context.TopPositions;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.model.Tokenizer;

/**
 * Picks where an input direction fires most: each prompt's most activating token that has text, then the best
 * prompts (highest activation, ties by prompt then token index), as context-index records, with the shared
 * {@link ContextExtractor}.
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
        List<TokenText> texts = new ArrayList<>(tokens.length);
        for (int[] ids : tokens) {
            texts.add(TokenText.of(tokenizer, ids));
        }
        TopPositions best = new TopPositions(1, top);
        for (int p = 0; p < activations.length; p++) {
            double[] values = new double[activations[p].length];
            for (int t = 0; t < values.length; t++) {
                values[t] = activations[p][t];
            }
            int b = ContextExtractor.bestPosition(values, texts.get(p));
            if (b >= 0) {
                best.offer(0, p, b, activations[p][b]);
            }
        }
        List<ContextRecord> out = new ArrayList<>();
        for (ContextWindow w : new ContextExtractor(radius, radius).windows(texts, best.best(0))) {
            out.add(w.record(source.feature(), source.model(), source.run(), source.hook(), source.layer()));
        }
        return out;
    }
}
