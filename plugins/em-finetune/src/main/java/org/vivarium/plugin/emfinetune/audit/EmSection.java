package org.vivarium.plugin.emfinetune.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.plugin.emfinetune.eval.Answer;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;

/** Assembles the em-finetune part of an audit report: findings, metrics, tables, plots and example answers. */
public final class EmSection {
    /** The method name. */
    public static final String METHOD = "em-finetune";
    /** The section heading. */
    public static final String TITLE = "Emergent misalignment: misaligned and coherent answers by domain";

    private EmSection() {
    }

    /**
     * Builds the section.
     *
     * @param m the measurement
     * @param s the settings
     * @param gen the decoding settings used
     * @param images plot files to captions
     * @param examples example answers per role
     * @return the section
     */
    public static AuditSection build(EmMeasurement m, EmSettings s, GenerationOptions gen, Map<String, String> images,
            Map<String, List<Answer>> examples) {
        return new AuditSection(METHOD, TITLE, EmFindings.of(m, s), EmMetrics.of(m), images,
                markdown(m, gen, examples));
    }

    /**
     * The section for an organism without prompt sets: nothing to measure.
     *
     * @param organism the organism's name
     * @return a section with no findings and a note
     */
    public static AuditSection notApplicable(String organism) {
        return new AuditSection(METHOD, TITLE, List.of(), Map.of(), Map.of(), "Not measured: organism `" + organism
                + "` gives no per-domain prompt sets, so there is nothing to compare across domains.\n");
    }

    static String markdown(EmMeasurement m, GenerationOptions gen, Map<String, List<Answer>> examples) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Each model (%s) answered every held-out prompt (%s, at most %d new "
                + "tokens); the answer is the continuation up to its first newline. `%s` is the organism's evaluator "
                + "(held-out accuracy %.2f)%s. Intervals are 95%% Wilson score intervals; held-out means weigh "
                + "every domain except the fine-tune domain equally.%n%n", String.join(", ", m.roles()),
                decoding(gen), gen.maxNewTokens(), m.behaviour(), m.evaluatorAccuracy(),
                m.hasCoherence() ? "; `" + m.coherence() + "` is its coherence meter" : "; no coherence meter"));
        sb.append(EmTables.markdown(EmTables.summary(m))).append('\n');
        sb.append(EmTables.markdown(EmTables.rates(m))).append('\n');
        sb.append("Example answers (up to half of each role's examples are ones the evaluator flagged):\n\n");
        sb.append(EmTables.markdown(ExampleAnswers.table(m, examples)));
        return sb.toString();
    }

    private static String decoding(GenerationOptions gen) {
        return gen.temperature() == 0 ? "greedy decoding" : String.format(Locale.ROOT, "sampling at temperature %s, "
                + "top-k %d, seed %d", gen.temperature(), gen.topK(), gen.seed());
    }
}
