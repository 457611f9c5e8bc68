package org.vivarium.report.table;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.report.internal.AtomicFiles;

/**
 * Writes a {@link Table} as RFC 4180 CSV: comma-separated, CRLF line ends, and fields containing a comma,
 * quote, CR or LF wrapped in double quotes with inner quotes doubled. Numbers keep full precision.
 *
 * <pre>{@code
 * CsvWriter.write(Table.of("step", "loss").row(100, 2.31), Path.of("runs/x/loss.csv"));
 * }</pre>
 */
public final class CsvWriter {
    private static final String EOL = "\r\n";

    private CsvWriter() {
    }

    /**
     * Renders a table as CSV text, header first.
     *
     * @param table the table
     * @return the CSV text, each record ending in CRLF
     */
    public static String toCsv(Table table) {
        StringBuilder sb = new StringBuilder();
        appendRecord(sb, table.header());
        for (List<Object> row : table.rows()) {
            appendRecord(sb, row);
        }
        return sb.toString();
    }

    /**
     * Writes a table as a UTF-8 CSV file, atomically (temporary file, then rename).
     *
     * @param table the table
     * @param csv the file to create or replace; missing parent directories are created
     * @throws org.vivarium.api.VivariumException if the file cannot be written
     */
    public static void write(Table table, Path csv) {
        AtomicFiles.writeString(csv, toCsv(table), "CSV table");
    }

    /**
     * Quotes one field if RFC 4180 requires it.
     *
     * @param field the raw text
     * @return the field, quoted when it contains a comma, quote, CR or LF
     */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static void appendRecord(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object c = cells.get(i);
            sb.append(c == null ? "" : quote(c.toString()));
        }
        sb.append(EOL);
    }
}
