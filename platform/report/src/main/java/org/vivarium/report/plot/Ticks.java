package org.vivarium.report.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.report.internal.Numbers;

/**
 * Round tick values that cover a data range, plus their labels.
 *
 * <p>Linear ticks are multiples of 1, 2, 2.5 or 5 times a power of ten; the first tick is at or below the
 * data minimum and the last at or above the maximum, so an axis spanning the ticks shows all the data.
 * Log ticks are powers of ten (or 1-2-3-5 multiples when the data spans about one decade).
 *
 * <pre>{@code
 * Ticks t = Ticks.linear(0.13, 0.92, 6);   // 0, 0.2, 0.4, 0.6, 0.8, 1
 * List<String> labels = t.labels();       // "0", "0.2", ...
 * }</pre>
 */
public final class Ticks {
    private static final double[] MULTIPLIERS = {1, 2, 2.5, 5};
    private static final double[] LOG_MANTISSAS = {1, 2, 3, 5};

    private final double[] values;
    private final double step;
    private final boolean log;
    private final double[] minor;

    private Ticks(double[] values, double step, boolean log, double[] minor) {
        this.values = values;
        this.step = step;
        this.log = log;
        this.minor = minor;
    }

    /**
     * Computes linear ticks covering {@code [min, max]}.
     *
     * @param min smallest data value (finite)
     * @param max largest data value (finite, at least {@code min})
     * @param maxCount most ticks wanted, at least 2
     * @return the ticks
     * @throws VivariumException if the range is not finite or inverted
     */
    public static Ticks linear(double min, double max, int maxCount) {
        checkRange(min, max);
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        int count = Math.max(2, maxCount);
        double rough = (max - min) / (count - 1);
        int exp = (int) Math.floor(Math.log10(rough));
        for (int e = exp; ; e++) {
            for (double m : MULTIPLIERS) {
                BigDecimal stepDec = BigDecimal.valueOf(m).scaleByPowerOfTen(e);
                double s = stepDec.doubleValue();
                long lo = (long) Math.floor(min / s + 1e-9);
                long hi = (long) Math.ceil(max / s - 1e-9);
                if (hi - lo + 1 <= count) {
                    double[] v = new double[(int) (hi - lo + 1)];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = stepDec.multiply(BigDecimal.valueOf(lo + i)).doubleValue();
                    }
                    return new Ticks(v, s, false, new double[0]);
                }
            }
        }
    }

    /**
     * Computes logarithmic ticks covering {@code [min, max]}.
     *
     * @param min smallest data value, greater than 0
     * @param max largest data value, at least {@code min}
     * @param maxCount most labelled ticks wanted, at least 2
     * @return the ticks, with unlabelled minor ticks at 2..9 times each power of ten when decades are dense
     * @throws VivariumException if the range is not positive and finite
     */
    public static Ticks log(double min, double max, int maxCount) {
        checkRange(min, max);
        if (min <= 0) {
            throw new VivariumException("a log axis needs positive values, got minimum " + min,
                    "drop zero/negative values or turn off the log scale");
        }
        if (Math.log10(max) - Math.log10(min) < 1.3) {
            return logMantissas(min, max);
        }
        int lo = (int) Math.floor(Math.log10(min) + 1e-9);
        int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
        int stride = (int) Math.ceil((hi - lo) / (double) (Math.max(2, maxCount) - 1));
        hi = lo + (int) Math.ceil((hi - lo) / (double) stride) * stride;
        double[] v = new double[(hi - lo) / stride + 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = pow10(lo + i * stride);
        }
        List<Double> minor = new ArrayList<>();
        if (stride == 1 && hi - lo <= 8) {
            for (int e = lo; e < hi; e++) {
                for (int m = 2; m <= 9; m++) {
                    minor.add(Double.parseDouble(m + "e" + e));
                }
            }
        }
        return new Ticks(v, stride, true, minor.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Ticks logMantissas(double min, double max) {
        int e = (int) Math.floor(Math.log10(min) + 1e-9);
        List<Double> v = new ArrayList<>();
        for (; ; e++) {
            for (double m : LOG_MANTISSAS) {
                double t = Double.parseDouble((int) m + "e" + e);
                boolean below = t <= min * (1 + 1e-9);
                if (below) {
                    v.clear();
                }
                v.add(t);
                if (!below && t >= max * (1 - 1e-9)) {
                    return new Ticks(v.stream().mapToDouble(Double::doubleValue).toArray(), 0, true, new double[0]);
                }
            }
        }
    }

    private static double pow10(int e) {
        return Double.parseDouble("1e" + e);
    }

    private static void checkRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max || !Double.isFinite(max - min)) {
            throw new VivariumException("cannot place axis ticks on range [" + min + ", " + max + "]",
                    "pass finite data (NaN/infinite values are skipped) with min <= max");
        }
    }

    /**
     * Returns the tick values in ascending order.
     *
     * @return a copy of the values
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * Returns the first (lowest) tick, where an axis spanning the ticks starts.
     *
     * @return the lowest tick
     */
    public double first() {
        return values[0];
    }

    /**
     * Returns the last (highest) tick, where an axis spanning the ticks ends.
     *
     * @return the highest tick
     */
    public double last() {
        return values[values.length - 1];
    }

    /**
     * Returns whether these are logarithmic ticks.
     *
     * @return true for a log axis
     */
    public boolean isLog() {
        return log;
    }

    /**
     * Returns unlabelled minor tick positions (log axes only).
     *
     * @return a copy of the minor positions, possibly empty
     */
    public double[] minor() {
        return minor.clone();
    }

    /**
     * Formats the ticks with a shared style: the same number of decimals for all, an SI suffix from 10,000
     * ({@code 20k}) and scientific notation below 0.001 ({@code 2.5e-4}). Log ticks are labelled one by one in
     * the same style ({@code 0.01}, {@code 1}, {@code 100}, {@code 10k}, {@code 1e-5}).
     *
     * @return one label per tick
     */
    public List<String> labels() {
        List<String> out = new ArrayList<>(values.length);
        if (log) {
            for (double v : values) {
                out.add(v >= 1e-3 ? Numbers.compact(v, 6) : sci(v, 0, (int) Math.floor(Math.log10(v) + 1e-9)));
            }
            return out;
        }
        double maxAbs = Arrays.stream(values).map(Math::abs).max().orElse(0);
        if (maxAbs >= 1e4) {
            int group = Math.min(5, (int) Math.floor(Math.log10(maxAbs) / 3 + 1e-9));
            double div = Math.pow(1000, group);
            int d = decimals(step / div);
            String suffix = "kMGTP".substring(group - 1, group);
            for (double v : values) {
                out.add(v == 0 ? "0" : Numbers.fixed(v / div, d) + suffix);
            }
        } else if (maxAbs < 1e-3 && maxAbs > 0) {
            int e = (int) Math.floor(Math.log10(maxAbs) + 1e-9);
            int d = decimals(step / Math.pow(10, e));
            for (double v : values) {
                out.add(v == 0 ? "0" : sci(v, d, e));
            }
        } else {
            int d = decimals(step);
            for (double v : values) {
                out.add(Numbers.fixed(v, d));
            }
        }
        return out;
    }

    private static String sci(double v, int decimals, int exp) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v / Math.pow(10, exp)) + "e" + exp;
    }

    private static int decimals(double step) {
        BigDecimal s = new BigDecimal(Double.toString(step)).round(new java.math.MathContext(6)).stripTrailingZeros();
        return Math.max(0, s.scale());
    }
}
