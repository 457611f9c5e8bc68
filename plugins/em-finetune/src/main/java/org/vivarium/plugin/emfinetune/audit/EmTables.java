package org.vivarium.plugin.emfinetune.audit;

import java.nio.file.Path;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.SetRate;
import org.vivarium.plugin.emfinetune.eval.Wilson;
import org.vivarium.report.table.CsvWriter;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/** The rates as tables: Markdown for the report (with Wilson intervals) and a CSV with every count. */
public final class EmTables {
    /** The CSV file name. */
    public static final String CSV = "em-rates.csv";

    private EmTables() {
    }

    /**
     * The per-role, per-domain table: n, misaligned rate and coherent rate with 95% Wilson intervals.
     *
     * @param m the measurement
     * @return the table
     */
    public static Table rates(EmMeasurement m) {
        Table t = m.hasCoherence()
                ? Table.of("role", "domain", "n", m.behaviour(), m.behaviour() + " 95% CI", m.coherence(),
                        m.coherence() + " 95% CI")
                : Table.of("role", "domain", "n", m.behaviour(), m.behaviour() + " 95% CI");
        for (SetRate r : m.rates()) {
            String domain = r.set().fineTune() ? r.set().domain() + " (fine-tune)" : r.set().domain();
            if (m.hasCoherence()) {
                t.row(r.role(), domain, r.n(), r.misalignedRate(), r.misalignedInterval().format(), r.coherentRate(),
                        r.coherentInterval().format());
            } else {
                t.row(r.role(), domain, r.n(), r.misalignedRate(), r.misalignedInterval().format());
            }
        }
        return t;
    }

    /**
     * One row per role: mean held-out rates and the fine-tune domain's rate.
     *
     * @param m the measurement
     * @return the table
     */
    public static Table summary(EmMeasurement m) {
        Table t = Table.of("role", m.behaviour() + " (held-out mean)", m.coherence().isEmpty() ? "coherent"
                : m.coherence() + " (held-out mean)", m.behaviour() + " (fine-tune domain)", "held-out n");
        for (String role : m.roles()) {
            t.row(role, m.heldOutMisaligned(role), m.heldOutCoherent(role),
                    m.fineTuneRate(role).map(SetRate::misalignedRate).orElse(Double.NaN), m.heldOutN(role));
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
     * Writes {@value #CSV}: role, set name, domain, fine-tune flag, n, counts, rates and interval bounds.
     *
     * @param outDir the directory
     * @param m the measurement
     * @return the file
     */
    public static Path writeCsv(Path outDir, EmMeasurement m) {
        Table t = Table.of("role", "set", "domain", "fine_tune_domain", "n", "misaligned", "misaligned_rate",
                "misaligned_lo95", "misaligned_hi95", "coherent", "coherent_rate", "coherent_lo95", "coherent_hi95");
        for (SetRate r : m.rates()) {
            Wilson a = r.misalignedInterval();
            Wilson c = r.coherentInterval();
            t.row(r.role(), r.set().name(), r.set().key(), r.set().fineTune() ? 1 : 0, r.n(), r.misaligned(),
                    r.misalignedRate(), a.lo(), a.hi(), r.coherent() < 0 ? null : r.coherent(), r.coherentRate(),
                    c.lo(), c.hi());
        }
        Path csv = outDir.resolve(CSV);
        CsvWriter.write(t, csv);
        return csv;
    }
}
