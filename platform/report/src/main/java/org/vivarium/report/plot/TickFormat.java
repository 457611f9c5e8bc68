package org.vivarium.report.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.vivarium.report.internal.Numbers;

/**
 * Tick labels in the house style, independent of the default locale.
 *
 * <p>Linear ticks share the decimals of their step ({@code 0.0, 0.5, 1.0}), use an SI suffix once the step
 * reaches 1,000 ({@code 0, 2k, 4k}; {@code 2.5k, 5.0k}) and a shared exponent once it drops below 0.001
 * ({@code 0, 2e-4, 4e-4}). Log ticks are labelled one by one: {@code 0.01, 1, 300, 10k, 1e-5}.
 */
final class TickFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String SI = "kMGTP";

    /** The step between ticks, or NaN for log labels. */
    private final double step;

    private TickFormat(double step) {
        this.step = step;
    }

    /** Returns the format for linear ticks {@code step} apart. */
    static TickFormat linear(double step) {
        return new TickFormat(step);
    }

    /** Returns the format for log-axis ticks. */
    static TickFormat log() {
        return new TickFormat(Double.NaN);
    }

    /** Formats one tick value. */
    String label(double v) {
        if (!Double.isFinite(v)) {
            return Numbers.fixed(v, 0);
        }
        return Double.isNaN(step) ? logLabel(v) : linearLabel(v);
    }

    private String linearLabel(double v) {
        if (Math.abs(v) < step * 1e-6 && (step >= 1000 || step < 1e-3)) {
            return "0";
        }
        if (step >= 1000) {
            int group = Math.min(SI.length(), (int) Math.floor(Math.log10(step) / 3 + 1e-9));
            double div = Math.pow(1000, group);
            return Numbers.fixed(v / div, decimals(step / div)) + SI.charAt(group - 1);
        }
        if (step < 1e-3) {
            int e = (int) Math.floor(Math.log10(step) + 1e-9);
            return Numbers.fixed(v / Math.pow(10, e), decimals(step / Math.pow(10, e))) + "e" + e;
        }
        return Numbers.fixed(Math.abs(v) < step * 1e-6 ? 0 : v, decimals(step));
    }

    private static String logLabel(double v) {
        if (v >= 1e-3) {
            return Numbers.compact(v, 6);
        }
        int e = (int) Math.floor(Math.log10(v) + 1e-9);
        double mantissa = new BigDecimal(v / Math.pow(10, e)).round(new MathContext(3)).doubleValue();
        return new BigDecimal(Double.toString(mantissa)).stripTrailingZeros().toPlainString() + "e" + e;
    }

    private static int decimals(double step) {
        BigDecimal s = new BigDecimal(Double.toString(step)).round(new MathContext(6)).stripTrailingZeros();
        return Math.max(0, s.scale());
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    /** Tick labels are never parsed back; returns null as {@link NumberFormat} does for unparseable text. */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TickFormat f && Double.compare(f.step, step) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(step);
    }
}
