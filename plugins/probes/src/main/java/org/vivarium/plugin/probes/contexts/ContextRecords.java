package org.vivarium.plugin.probes.contexts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.plugin.probes.data.LabelledPrompt;
import org.vivarium.plugin.probes.extract.TokenSpans;
import org.vivarium.plugin.probes.fit.ProbeResult;

/** Turns scored contexts into context-index records with display text and firing-token spans. */
public final class ContextRecords {
    private ContextRecords() {
    }

    /**
     * Builds the records.
     *
     * @param probes the fitted probes (for hook and layer)
     * @param best feature id to its best contexts, best first
     * @param tokenizer the model's tokenizer
     * @param tokens token ids per prompt, as run
     * @param prompts the prompts (for label and line)
     * @param model the model name recorded in each record
     * @param run the run id recorded in each record
     * @return the contexts, grouped by probe in probe order, best first; tokens without text are skipped
     */
    public static List<ProbeContext> build(List<ProbeResult> probes, Map<String, List<ScoredContext>> best,
            Tokenizer tokenizer, int[][] tokens, List<LabelledPrompt> prompts, String model, String run) {
        Map<Integer, TokenSpans> spans = new HashMap<>();
        List<ProbeContext> out = new ArrayList<>();
        for (ProbeResult p : probes) {
            int rank = 0;
            for (ScoredContext c : best.getOrDefault(p.featureId(), List.of())) {
                TokenSpans s = spans.computeIfAbsent(c.prompt(), i -> TokenSpans.of(tokenizer, tokens[i]));
                if (!s.markable(c.token())) {
                    continue;
                }
                ContextRecord r = new ContextRecord(p.featureId(), s.text(), s.start()[c.token()], s.end()[c.token()],
                        (float) c.score(), model, run, p.hook(), p.layer());
                LabelledPrompt prompt = prompts.get(c.prompt());
                out.add(new ProbeContext(r, ++rank, prompt.label(), prompt.line()));
            }
        }
        return out;
    }
}
