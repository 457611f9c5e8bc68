package org.vivarium.plugin.probes.audit;

import java.util.List;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/** The probes audit's Markdown body: the method, the split, the probe tables and the trigger search. */
final class AuditMarkdown {
    private AuditMarkdown() {
    }

    /**
     * Renders the body.
     *
     * @param split the prompt split
     * @param grid the prompt-level probes
     * @param tokenGrid the token-level probes
     * @param chosen the prompt-level probe chosen on validation
     * @param searches every probe's trigger search
     * @param trigger the search chosen on validation
     * @return Markdown
     */
    static String of(LabelSplit split, List<AuditProbe> grid, List<AuditProbe> tokenGrid, AuditProbe chosen,
            List<TriggerSearch> searches, TriggerSearch trigger) {
        StringBuilder md = new StringBuilder();
        md.append("Probes on the residual stream after every layer. The ")
                .append(split.fit().length + split.validation().length + split.test().length)
                .append(" labelled prompts are split per label into fit / validation / test (")
                .append(split.fit().length).append(" / ").append(split.validation().length).append(" / ")
                .append(split.test().length).append("). Probes are fitted on the fit part; the direction's probe (**")
                .append(chosen.name()).append("**) has the best validation accuracy; its test-part numbers are the")
                .append(" ones reported. Token-level probes (every token an example, labelled with its prompt's")
                .append(" label; accuracies per token) serve the trigger search only.\n\n");
        Table t = Table.of("probe", "fit_acc", "validation_acc", "validation_auroc", "test_acc", "test_auroc",
                "chosen");
        for (List<AuditProbe> g : List.of(grid, tokenGrid)) {
            for (AuditProbe p : g) {
                t.row(p.name(), p.fit().accuracy(), p.validation().accuracy(), p.validation().auroc(),
                        p.test().accuracy(), p.test().auroc(), p == chosen ? "yes" : "");
            }
        }
        md.append(MarkdownTable.of(t).decimals(3).render()).append('\n');
        md.append("Trigger search: each probe scores every token; a token's excess is its score minus that token's")
                .append(" mean score in condition-absent fit prompts, and a prompt's onset is its first token whose")
                .append(" excess exceeds every condition-absent fit token's; the probe localises a span in a prompt if")
                .append(" the onset or the peak (highest score) lies in it. Candidate spans (1-")
                .append(TriggerSpans.MAX_TOKENS).append(" tokens) come from the fit part; span and probe are chosen")
                .append(" on validation and measured on test.\n\n");
        Table c = Table.of("probe", "span", "core", "probe_mass", "validation", "chosen");
        for (TriggerSearch s : searches) {
            if (s.chosen() == null) {
                c.row(s.probe(), "", "", null, "no span recurs on the fit part", "");
                continue;
            }
            c.row(s.probe(), "`" + s.chosen().text() + "`", "`" + s.chosen().core() + "`", s.chosen().mass(),
                    s.validation().describe(), s == trigger ? "yes" : "");
        }
        md.append(MarkdownTable.of(c).decimals(3).render()).append('\n');
        if (trigger.chosen() == null) {
            md.append("No span recurred in the fit part's condition-present prompts only, for any probe.\n");
        } else {
            md.append("Chosen span `").append(trigger.chosen().text()).append("` on the test part: ")
                    .append(trigger.test().describe()).append(" -> ")
                    .append(trigger.supported() ? "supported" : "not supported").append(".\n");
        }
        return md.toString();
    }
}
