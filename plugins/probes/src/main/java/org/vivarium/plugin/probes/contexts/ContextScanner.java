package org.vivarium.plugin.probes.contexts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.probes.extract.ForwardPasses;
import org.vivarium.plugin.probes.extract.PositionVectors;
import org.vivarium.plugin.probes.fit.ProbeResult;

/**
 * The second pass: scores every token of every prompt on each probe and keeps, per probe, the prompts
 * whose best token scores highest.
 */
public final class ContextScanner {
    private ContextScanner() {
    }

    /**
     * Scans all prompts.
     *
     * @param passes forward passes over the prompts (caching the probes' hooks)
     * @param probes the fitted probes
     * @param k contexts kept per probe
     * @param progress advanced by one per prompt
     * @return feature id to its best contexts, best first, in probe order
     */
    public static Map<String, List<ScoredContext>> scan(ForwardPasses passes, List<ProbeResult> probes, int k,
            Progress progress) {
        Map<String, TopContexts> tops = new LinkedHashMap<>();
        probes.forEach(p -> tops.put(p.featureId(), new TopContexts(k)));
        passes.forEach(progress, (prompt, vectors) -> {
            for (ProbeResult p : probes) {
                PositionVectors v = vectors.get(p.hook());
                float[][] rows = new float[v.positions()][];
                for (int pos = 0; pos < rows.length; pos++) {
                    rows[pos] = v.at(pos);
                }
                double[] scores = p.probe().scores(rows); // one call per prompt: the MLP probe scores in a batch
                int bestToken = 0;
                double best = Double.NEGATIVE_INFINITY;
                for (int pos = 0; pos < scores.length; pos++) {
                    if (scores[pos] > best) {
                        best = scores[pos];
                        bestToken = pos;
                    }
                }
                tops.get(p.featureId()).offer(new ScoredContext(prompt, bestToken, best));
            }
        });
        Map<String, List<ScoredContext>> out = new LinkedHashMap<>();
        tops.forEach((feature, top) -> out.put(feature, top.best()));
        return out;
    }
}
