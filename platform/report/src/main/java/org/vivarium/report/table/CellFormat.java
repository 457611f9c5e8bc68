package org.vivarium.report.table;

import java.math.BigDecimal;
import org.vivarium.report.internal.Numbers;

/** Turns cells into display text for Markdown and HTML: fixed decimals for fractions, integers as is. */
final class CellFormat {
    private CellFormat() {
    }

    /** Formats a cell; tiny non-zero values that would round to zero use scientific notation. */
    static String text(Object cell, int decimals) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float || cell instanceof BigDecimal) {
            double v = ((Number) cell).doubleValue();
            if (v != 0 && Double.isFinite(v) && Math.abs(v) < 0.5 * Math.pow(10, -decimals)) {
                return Numbers.compact(v, 3);
            }
            return Numbers.fixed(v, decimals);
        }
        return cell.toString();
    }
}
