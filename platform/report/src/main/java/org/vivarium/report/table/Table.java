package org.vivarium.report.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * A header plus rows of cells, the input to {@link CsvWriter}, {@link MarkdownTable} and {@link HtmlReport}.
 * Cells are any objects: numbers are formatted by the writer, everything else with {@code toString()};
 * {@code null} is an empty cell.
 *
 * <pre>{@code
 * Table t = Table.of("layer", "accuracy", "n").row(0, 0.912, 512).row(1, 0.954, 512);
 * }</pre>
 */
public final class Table {
    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    private Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    /**
     * Creates an empty table with the given column names.
     *
     * @param header the column names, at least one
     * @return the table
     * @throws VivariumException if there are no columns
     */
    public static Table of(String... header) {
        return of(Arrays.asList(header));
    }

    /**
     * Creates an empty table with the given column names.
     *
     * @param header the column names, at least one
     * @return the table
     * @throws VivariumException if there are no columns or a name is null
     */
    public static Table of(List<String> header) {
        if (header.isEmpty() || header.stream().anyMatch(java.util.Objects::isNull)) {
            throw new VivariumException("a table needs at least one column and no null column names",
                    "pass column names, e.g. Table.of(\"layer\", \"accuracy\")");
        }
        return new Table(header);
    }

    /**
     * Appends a row.
     *
     * @param cells one cell per column
     * @return this table
     * @throws VivariumException if the number of cells differs from the number of columns
     */
    public Table row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /**
     * Appends a row.
     *
     * @param cells one cell per column
     * @return this table
     * @throws VivariumException if the number of cells differs from the number of columns
     */
    public Table row(List<?> cells) {
        if (cells.size() != header.size()) {
            throw new VivariumException("table row " + rows.size() + " has " + cells.size() + " cells but there are "
                    + header.size() + " columns " + header, "pass one cell per column (null for an empty cell)");
        }
        rows.add(Collections.unmodifiableList(new ArrayList<>(cells)));
        return this;
    }

    /**
     * Returns the column names.
     *
     * @return an unmodifiable list
     */
    public List<String> header() {
        return header;
    }

    /**
     * Returns the rows added so far.
     *
     * @return an unmodifiable view; each row is unmodifiable
     */
    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /**
     * Returns whether every non-empty cell of a column is a number (such columns are right-aligned).
     *
     * @param column the column index
     * @return true for numeric columns with at least one number
     */
    public boolean isNumeric(int column) {
        boolean any = false;
        for (List<Object> r : rows) {
            Object c = r.get(column);
            if (c != null && !(c instanceof Number)) {
                return false;
            }
            any |= c != null;
        }
        return any;
    }
}
