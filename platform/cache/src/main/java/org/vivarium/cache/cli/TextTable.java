package org.vivarium.cache.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A left-aligned plain-text table with a header row, columns separated by two spaces. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    void add(String... cells) {
        rows.add(cells);
    }

    void print(PrintStream out) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                line.append(r[c]);
                if (c + 1 < cols) {
                    line.append(" ".repeat(w[c] - r[c].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
