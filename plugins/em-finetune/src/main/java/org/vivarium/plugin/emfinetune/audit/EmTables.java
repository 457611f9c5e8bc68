package org.vivarium.plugin.emfinetune.audit;

import static org.vivarium.plugin.emfinetune.eval.EmEvaluation.EM;

import java.nio.file.Path;
import org.vivarium.plugin.emfinetune.eval.DomainSet;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.Part;
import org.vivarium.plugin.emfinetune.eval.SetRate;
import org.vivarium.plugin.emfinetune.eval.Wilson;
import org.vivarium.report.table.CsvWriter;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/** The rates as tables: Markdown for the report (with Wilson intervals) and a CSV with every count per half. */
public final class EmTables {
    /** The CSV file name. */
    public static final String CSV = "em-rates.csv";

    private EmTables() {
    }

    /**
     * The domain choice: per domain its score on both halves and the em (and reference) rates behind it; the
     * chosen domain is marked.
     *
     * @param m the measurement
     * @param c the choice
     * @return the table
     */
    public static Table choice(EmMeasurement m, DomainChoice c) {
        boolean ref = !c.reference().isEmpty();
        Table t = ref ? Table.of("domain", "score (validation)", "score (test)", "em (validation)", "em (test)",
                c.reference() + " (validation)", c.reference() + " (test)")
                : Table.of("domain", "score (validation)", "score (test)", "em (validation)", "em (test)");
        for (String d : c.candidates()) {
            String name = c.chosen().filter(d::equals).isPresent() ? d + " (chosen)" : d;
            double ev = m.rate(EM, d, Part.VALIDATION).misalignedRate();
            double et = m.rate(EM, d, Part.TEST).misalignedRate();
            if (ref) {
                t.row(name, c.validationScores().get(d), c.testScores().get(d), ev, et,
                        m.rate(c.reference(), d, Part.VALIDATION).misalignedRate(),
                        m.rate(c.reference(), d, Part.TEST).misalignedRate());
            } else {
                t.row(name, c.validationScores().get(d), c.testScores().get(d), ev, et);
            }
        }
        return t;
    }

    /**
     * The per-role, per-domain table: the misaligned rate on each half and the coherent rate on the test half,
     * with 95% Wilson intervals.
     *
     * @param m the measurement
     * @param c the choice (marks the chosen domain)
     * @return the table
     */
    public static Table rates(EmMeasurement m, DomainChoice c) {
        String b = m.behaviour();
        Table t = m.hasCoherence()
                ? Table.of("role", "domain", "n (validation)", b + " (validation)", "n (test)", b + " (test)",
                        b + " (test) 95% CI", m.coherence() + " (test)", m.coherence() + " (test) 95% CI")
                : Table.of("role", "domain", "n (validation)", b + " (validation)", "n (test)", b + " (test)",
                        b + " (test) 95% CI");
        for (String role : m.roles()) {
            for (DomainSet s : m.sets()) {
                SetRate v = m.rate(role, s, Part.VALIDATION);
                SetRate r = m.rate(role, s, Part.TEST);
                String domain = c.chosen().filter(s.domain()::equals).isPresent() ? s.domain() + " (chosen)"
                        : s.domain();
                if (m.hasCoherence()) {
                    t.row(role, domain, v.n(), v.misalignedRate(), r.n(), r.misalignedRate(),
                            r.misalignedInterval().format(), r.coherentRate(), r.coherentInterval().format());
                } else {
                    t.row(role, domain, v.n(), v.misalignedRate(), r.n(), r.misalignedRate(),
                            r.misalignedInterval().format());
                }
            }
        }
        return t;
    }

    /**
     * One row per role, on the test half: the mean rates over the domains other than the chosen one and the
     * chosen domain's rate.
     *
     * @param m the measurement
     * @param c the choice
     * @return the table
     */
    public static Table summary(EmMeasurement m, DomainChoice c) {
        String chosen = c.chosen().orElse(null);
        Table t = Table.of("role", m.behaviour() + " (other domains, test mean)", m.coherence().isEmpty()
                ? "coherent" : m.coherence() + " (other domains, test mean)", m.behaviour() + " (chosen domain, test)",
                "other domains test n");
        for (String role : m.roles()) {
            t.row(role, m.othersMisaligned(role, chosen, Part.TEST), m.othersCoherent(role, chosen, Part.TEST),
                    c.chosenRate(m, role, Part.TEST).map(SetRate::misalignedRate).orElse(Double.NaN),
                    m.othersN(role, chosen, Part.TEST));
        }
        return t;
    }

    /**
     * Renders a table as Markdown with two decimals.
     *
     * @param t the table
     * @return the Markdown
     */
    public static String markdown(Table t) {
        return MarkdownTable.of(t).decimals(2).render();
    }

    /**
     * Writes {@value #CSV}: per role, half ({@code validation}, {@code test}) and domain: the chosen-domain flag,
     * n, counts, rates and 95% Wilson bounds.
     *
     * @param outDir the directory
     * @param m the measurement
     * @param c the choice
     * @return the file
     */
    public static Path writeCsv(Path outDir, EmMeasurement m, DomainChoice c) {
        Table t = Table.of("role", "part", "domain", "chosen_domain", "n", "misaligned", "misaligned_rate",
                "misaligned_lo95", "misaligned_hi95", "coherent", "coherent_rate", "coherent_lo95", "coherent_hi95");
        for (String role : m.roles()) {
            for (Part p : new Part[] {Part.VALIDATION, Part.TEST}) {
                for (SetRate r : m.ratesOf(role, p)) {
                    Wilson a = r.misalignedInterval();
                    Wilson w = r.coherentInterval();
                    t.row(r.role(), p.id(), r.set().key(), c.chosen().filter(r.set().domain()::equals).isPresent()
                            ? 1 : 0, r.n(), r.misaligned(), r.misalignedRate(), a.lo(), a.hi(),
                            r.coherent() < 0 ? null : r.coherent(), r.coherentRate(), w.lo(), w.hi());
                }
            }
        }
        Path csv = outDir.resolve(CSV);
        CsvWriter.write(t, csv);
        return csv;
    }
}
