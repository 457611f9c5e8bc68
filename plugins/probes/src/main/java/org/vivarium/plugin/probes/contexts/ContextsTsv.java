package org.vivarium.plugin.probes.contexts;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.report.io.AtomicText;

/**
 * Writes contexts as a tab-separated file with a header line. In {@code token} and {@code text}, tab,
 * newline, carriage return and backslash are escaped as {@code \t}, {@code \n}, {@code \r} and
 * {@code \\}; {@code span_start}/{@code span_end} are character offsets into the unescaped text.
 */
public final class ContextsTsv {
    /** The file name inside the output directory. */
    public static final String FILE = "contexts.tsv";

    /** The header line's columns. */
    public static final String HEADER =
            "feature\trank\tactivation\tlabel\tdata_line\thook\tlayer\tspan_start\tspan_end\ttoken\ttext";

    private ContextsTsv() {
    }

    /**
     * Writes the file atomically.
     *
     * @param file the target
     * @param contexts the contexts
     */
    public static void write(Path file, List<ProbeContext> contexts) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (ProbeContext c : contexts) {
            ContextRecord r = c.record();
            b.append(r.feature()).append('\t').append(c.rank()).append('\t').append(r.activation()).append('\t')
                    .append(c.label()).append('\t').append(c.dataLine()).append('\t').append(r.hook()).append('\t')
                    .append(r.layer()).append('\t').append(r.spanStart()).append('\t').append(r.spanEnd()).append('\t')
                    .append(escape(r.firingToken())).append('\t').append(escape(r.text())).append('\n');
        }
        AtomicText.write(file, b.toString());
    }

    /**
     * Escapes a field for the TSV.
     *
     * @param s the raw text
     * @return the text with tab, newline, carriage return and backslash escaped
     */
    public static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
