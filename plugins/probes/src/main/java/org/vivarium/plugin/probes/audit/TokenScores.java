package org.vivarium.plugin.probes.audit;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.plugin.probes.extract.ForwardPasses;
import org.vivarium.plugin.probes.extract.PositionVectors;

/** The second pass: each probe's score at every token position of every prompt. */
final class TokenScores {
    private TokenScores() {
    }

    /**
     * Scores every position with every probe.
     *
     * @param passes forward passes over the prompts, caching every probe's hook
     * @param probes the probes
     * @param tokens token ids per prompt (as passed to {@code passes})
     * @param tokenizer the model's tokenizer, for the display text
     * @param progress advanced by one per prompt
     * @return per probe (in order), per prompt, the text with a score at each token
     */
    static List<List<ScoredText>> of(ForwardPasses passes, List<AuditProbe> probes, int[][] tokens,
            Tokenizer tokenizer, Progress progress) {
        double[][][] scores = new double[probes.size()][tokens.length][];
        passes.forEach(progress, (prompt, vectors) -> {
            for (int k = 0; k < probes.size(); k++) {
                AuditProbe p = probes.get(k);
                PositionVectors v = vectors.get(p.hook());
                double[] s = new double[v.positions()];
                for (int pos = 0; pos < s.length; pos++) {
                    s[pos] = p.probe().score(v.data(), v.offset(pos));
                }
                scores[k][prompt] = s;
            }
        });
        List<TokenText.Rendered> spans = new ArrayList<>(tokens.length);
        for (int[] ids : tokens) {
            spans.add(TokenText.of(tokenizer, ids).render(0, ids.length));
        }
        List<List<ScoredText>> out = new ArrayList<>();
        for (double[][] perProbe : scores) {
            List<ScoredText> texts = new ArrayList<>(tokens.length);
            for (int i = 0; i < tokens.length; i++) {
                texts.add(ScoredText.of(spans.get(i), perProbe[i]));
            }
            out.add(texts);
        }
        return out;
    }
}
