package org.vivarium.report.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.report.internal.AtomicFiles;

/**
 * Renders a {@link Table} as a GitHub-flavoured Markdown table with padded, aligned columns: numeric
 * columns are right-aligned and fractions get a fixed number of decimals.
 *
 * <pre>{@code
 * String md = MarkdownTable.of(table).decimals(3).render();
 * }</pre>
 */
public final class MarkdownTable {
    private final Table table;
    private int decimals = 3;

    private MarkdownTable(Table table) {
        this.table = table;
    }

    /**
     * Wraps a table for Markdown rendering.
     *
     * @param table the table
     * @return the renderer, with 3 decimals
     */
    public static MarkdownTable of(Table table) {
        return new MarkdownTable(table);
    }

    /**
     * Sets the decimals for floating-point cells; integers are printed as they are.
     *
     * @param decimals 0 to 12
     * @return this renderer
     * @throws VivariumException if out of range
     */
    public MarkdownTable decimals(int decimals) {
        if (decimals < 0 || decimals > 12) {
            throw new VivariumException("markdown table: " + decimals + " decimals", "use 0 to 12 decimals");
        }
        this.decimals = decimals;
        return this;
    }

    /**
     * Renders the table; each line ends with a newline.
     *
     * @return the Markdown text
     */
    public String render() {
        int n = table.header().size();
        List<List<String>> cells = new ArrayList<>();
        cells.add(escapeAll(table.header()));
        for (List<Object> row : table.rows()) {
            List<String> r = new ArrayList<>();
            row.forEach(c -> r.add(escape(CellFormat.text(c, decimals))));
            cells.add(r);
        }
        int[] widths = new int[n];
        boolean[] right = new boolean[n];
        for (int col = 0; col < n; col++) {
            right[col] = table.isNumeric(col);
            widths[col] = 3;
            for (List<String> r : cells) {
                widths[col] = Math.max(widths[col], r.get(col).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, cells.get(0), widths, right);
        sb.append('|');
        for (int col = 0; col < n; col++) {
            sb.append(' ').append("-".repeat(widths[col] - (right[col] ? 1 : 0))).append(right[col] ? ":" : "")
                    .append(" |");
        }
        sb.append('\n');
        for (int i = 1; i < cells.size(); i++) {
            appendRow(sb, cells.get(i), widths, right);
        }
        return sb.toString();
    }

    /**
     * Writes the rendered table to a file, atomically.
     *
     * @param md the file to create or replace
     * @throws VivariumException if the file cannot be written
     */
    public void write(Path md) {
        AtomicFiles.writeString(md, render(), "Markdown table");
    }

    private static void appendRow(StringBuilder sb, List<String> row, int[] widths, boolean[] right) {
        sb.append('|');
        for (int col = 0; col < row.size(); col++) {
            String s = row.get(col);
            String pad = " ".repeat(widths[col] - s.length());
            sb.append(' ').append(right[col] ? pad + s : s + pad).append(" |");
        }
        sb.append('\n');
    }

    private static List<String> escapeAll(List<String> texts) {
        List<String> out = new ArrayList<>();
        texts.forEach(t -> out.add(escape(t)));
        return out;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
