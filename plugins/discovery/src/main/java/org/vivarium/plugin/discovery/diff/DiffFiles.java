package org.vivarium.plugin.discovery.diff;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vivarium.plugin.discovery.core.Confirmation;
import org.vivarium.report.plot.Histogram;

/** The model-diff section's plot and Markdown. */
final class DiffFiles {
    static final String HISTOGRAM = "diff-scores.png";

    private DiffFiles() {
    }

    static String histogram(Path dir, WordDiff diff) {
        Histogram.builder().title("Base vs audited model: what an inserted word changes (" + diff.hook() + ")")
                .xLabel("|dd(w) - mean dd| per corpus word").yLabel("words (log)")
                .series("corpus words", diff.scores())
                .bins(60).logY(true).build().write(dir.resolve(HISTOGRAM));
        return HISTOGRAM;
    }

    static String markdown(WordDiff diff, List<String> top, double[] values, Map<String, Double> enriched,
            Optional<Confirmation> best) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Paired residual difference at the last prompt position, %s: for each corpus"
                + " word w, dd(w) = mean over fit prompts p of (audited(p+w) - audited(p)) - (base(p+w) - base(p));"
                + " score |dd(w) - mean dd| (norm of the mean %.2f). Top contexts:%n%n| # | score | context |%n"
                + "|---|---|---|%n",
                diff.hook(), diff.meanNorm()));
        for (int i = 0; i < Math.min(8, top.size()); i++) {
            md.append(String.format(Locale.ROOT, "| %d | %.2f | `%s` |%n", i + 1, values[i], top.get(i)));
        }
        md.append("\nEnriched words (summed score of top contexts / corpus prompts containing the word): ");
        int n = 0;
        for (Map.Entry<String, Double> e : enriched.entrySet()) {
            if (n++ == 10) {
                break;
            }
            md.append(String.format(Locale.ROOT, "%s`%s` %.2f", n == 1 ? "" : ", ", e.getKey(), e.getValue()));
        }
        md.append(".\n\n");
        md.append(best.map(b -> String.format(Locale.ROOT, "Best candidate by behaviour: `%s` on the %s (validation"
                + " %+.2f, test %+.2f).%n", b.text(), b.meter(), b.validationRise(), b.testRise()))
                .orElse("No candidate could be measured.\n"));
        return md.toString();
    }
}
