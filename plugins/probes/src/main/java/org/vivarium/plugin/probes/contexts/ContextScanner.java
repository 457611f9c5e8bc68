package org.vivarium.plugin.probes.contexts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.context.ContextExtractor;
import org.vivarium.api.context.Firing;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.context.TopPositions;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.probes.extract.ForwardPasses;
import org.vivarium.plugin.probes.extract.PositionVectors;
import org.vivarium.plugin.probes.fit.ProbeResult;

/**
 * The second pass: scores every token of every prompt on each probe and keeps, per probe, the prompts
 * whose best token (with text) scores highest, ranked by the shared {@link TopPositions}.
 */
public final class ContextScanner {
    private ContextScanner() {
    }

    /**
     * Scans all prompts.
     *
     * @param passes forward passes over the prompts (caching the probes' hooks)
     * @param probes the fitted probes
     * @param texts the prompts' tokens with their display texts, as run
     * @param k contexts kept per probe
     * @param progress advanced by one per prompt
     * @return feature id to its best contexts, best first, in probe order
     */
    public static Map<String, List<Firing>> scan(ForwardPasses passes, List<ProbeResult> probes,
            List<TokenText> texts, int k, Progress progress) {
        TopPositions tops = new TopPositions(probes.size(), k);
        passes.forEach(progress, (prompt, vectors) -> {
            for (int i = 0; i < probes.size(); i++) {
                ProbeResult p = probes.get(i);
                PositionVectors v = vectors.get(p.hook());
                float[][] rows = new float[v.positions()][];
                for (int pos = 0; pos < rows.length; pos++) {
                    rows[pos] = v.at(pos);
                }
                double[] scores = p.probe().scores(rows); // one call per prompt: the MLP probe scores in a batch
                int best = ContextExtractor.bestPosition(scores, texts.get(prompt));
                if (best >= 0) {
                    tops.offer(i, prompt, best, (float) scores[best]);
                }
            }
        });
        Map<String, List<Firing>> out = new LinkedHashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            out.put(probes.get(i).featureId(), tops.best(i));
        }
        return out;
    }
}
