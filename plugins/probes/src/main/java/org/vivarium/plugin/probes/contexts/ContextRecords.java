package org.vivarium.plugin.probes.contexts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vivarium.api.context.ContextExtractor;
import org.vivarium.api.context.ContextWindow;
import org.vivarium.api.context.Firing;
import org.vivarium.api.context.TokenText;
import org.vivarium.plugin.probes.data.LabelledPrompt;
import org.vivarium.plugin.probes.fit.ProbeResult;

/** Turns each probe's best prompts into context-index records: the whole prompt, its best token marked. */
public final class ContextRecords {
    private ContextRecords() {
    }

    /**
     * Builds the records.
     *
     * @param probes the fitted probes (for hook and layer)
     * @param best feature id to its best contexts, best first
     * @param texts the prompts' tokens with their display texts, as run
     * @param prompts the prompts (for label and line)
     * @param model the model name recorded in each record
     * @param run the run id recorded in each record
     * @return the contexts, grouped by probe in probe order, best first
     */
    public static List<ProbeContext> build(List<ProbeResult> probes, Map<String, List<Firing>> best,
            List<TokenText> texts, List<LabelledPrompt> prompts, String model, String run) {
        ContextExtractor whole = ContextExtractor.wholeSequence();
        List<ProbeContext> out = new ArrayList<>();
        for (ProbeResult p : probes) {
            int rank = 0;
            for (ContextWindow w : whole.windows(texts, best.getOrDefault(p.featureId(), List.of()))) {
                LabelledPrompt prompt = prompts.get(w.firing().seq());
                out.add(new ProbeContext(w.record(p.featureId(), model, run, p.hook(), p.layer()), ++rank,
                        prompt.label(), prompt.line()));
            }
        }
        return out;
    }
}
