package org.vivarium.report.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting shared by plots, tables and the progress bar; always uses {@link Locale#ROOT}. */
public final class Numbers {
    private static final String[] SI = {"", "k", "M", "G", "T", "P"};

    private Numbers() {
    }

    /**
     * Formats with a fixed number of decimals, e.g. {@code fixed(0.5, 3) = "0.500"}.
     *
     * @param v the value
     * @param decimals digits after the point, at least 0
     * @return the text; {@code "NaN"}, {@code "inf"} or {@code "-inf"} for non-finite values
     */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        String s = String.format(Locale.ROOT, "%." + Math.max(0, decimals) + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /**
     * Formats to a number of significant digits without trailing zeros, switching to an SI suffix
     * (with at most 3 significant digits) from 10,000 and to scientific notation below 0.001:
     * {@code 2.314}, {@code 391.2}, {@code 51.2k}, {@code 1.5e-05}.
     *
     * @param v the value
     * @param digits significant digits, at least 1
     * @return the text
     */
    public static String compact(double v, int digits) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4) {
            digits = Math.min(digits, 3);
            int group = Math.min(SI.length - 1, (int) Math.floor(Math.log10(a) / 3));
            double scaled = v / Math.pow(1000, group);
            if (Math.abs(round(scaled, digits)) >= 1000 && group < SI.length - 1) {
                group++;
                scaled = v / Math.pow(1000, group);
            }
            return plain(round(scaled, digits)) + SI[group];
        }
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", v)
                    .replaceAll("\\.?0+e", "e");
        }
        return plain(round(v, digits));
    }

    private static double round(double v, int digits) {
        return new BigDecimal(v).round(new MathContext(Math.max(1, digits))).doubleValue();
    }

    private static String plain(double v) {
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf";
    }
}
