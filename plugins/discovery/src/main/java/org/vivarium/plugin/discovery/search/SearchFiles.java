package org.vivarium.plugin.discovery.search;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vivarium.plugin.discovery.core.Confirmation;
import org.vivarium.report.plot.Histogram;

/** The trigger-search section's plot and Markdown. */
final class SearchFiles {
    static final String HISTOGRAM = "word-shift.png";

    private SearchFiles() {
    }

    static String histogram(Path dir, double[] scores) {
        double[] finite = Arrays.stream(scores).filter(Double::isFinite).toArray();
        Histogram.builder().title("Answer shift when a corpus word is inserted").xLabel("nats per answer character")
                .yLabel("words (log)").series("corpus words", finite).bins(60).logY(true).build()
                .write(dir.resolve(HISTOGRAM));
        return HISTOGRAM;
    }

    static String markdown(List<String> vocab, double[] scores, Integer[] order, List<GreedyCharSearch.Scored> letters,
            Optional<Confirmation> best) {
        StringBuilder md = new StringBuilder("Answer shift (drop in log-probability per character of the model's own"
                + " answers when the text is inserted), highest first:\n\n| # | corpus word | shift |\n|---|---|---|\n");
        for (int r = 0; r < Math.min(8, order.length); r++) {
            md.append(String.format(Locale.ROOT, "| %d | `%s` | %.3f |%n", r + 1, vocab.get(order[r]),
                    scores[order[r]]));
        }
        md.append("\nGreedy letter search, best strings: ");
        for (int i = 0; i < Math.min(5, letters.size()); i++) {
            md.append(String.format(Locale.ROOT, "%s`%s` %.3f", i == 0 ? "" : ", ", letters.get(i).text(),
                    letters.get(i).score()));
        }
        md.append(".\n\n");
        md.append(best.map(b -> String.format(Locale.ROOT, "Best candidate by behaviour: `%s` on the %s (validation"
                + " %+.2f, test %+.2f).%n", b.text(), b.meter(), b.validationRise(), b.testRise()))
                .orElse("No candidate could be measured.\n"));
        return md.toString();
    }
}
