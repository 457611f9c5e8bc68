package org.vivarium.report.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.Progress;

/**
 * A terminal progress bar in the style of tqdm:
 *
 * <pre>
 * train  47% |#########          | 4700/10000 step  [00:12&lt;00:14, 391.2 step/s] loss=2.314 tok/s=51.2k
 * </pre>
 *
 * <p>On an interactive console it redraws in place (carriage return) at most ten times a second. Otherwise
 * (CI logs, files) it prints a plain line at most every {@link Builder#interval interval} (5 s by default),
 * plus a final line on {@link #close()}. With an unknown total only the count and rate are shown. The rate
 * is an exponential moving average over 0.1 s samples; the ETA divides the remaining work by it.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.builder("train").total(steps).unit("step").build()) {
 *     for (int s = 0; s < steps; s++) {
 *         double loss = trainStep();
 *         bar.metric("loss", loss);
 *         bar.advance(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Methods are synchronized, so one training thread may report while another closes the bar.
 */
public final class ProgressBar implements Progress {
    private static final long SAMPLE_NANOS = 100_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final double SMOOTHING = 0.3;

    private final String label;
    private final long total;
    private final String unit;
    private final int width;
    private final PrintStream out;
    private final boolean interactive;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private final Map<String, Double> metrics = new LinkedHashMap<>();

    private long count;
    private long lastSample;
    private long lastSampleCount;
    private double rate = Double.NaN;
    private long lastOutput;
    private int lastLength;
    private boolean closed;

    private ProgressBar(Builder b) {
        this.label = b.label;
        this.total = b.total;
        this.unit = b.unit;
        this.width = b.width;
        this.out = b.out;
        this.interactive = b.interactive;
        this.intervalNanos = b.interval.toNanos();
        this.clock = b.clock;
        this.start = clock.getAsLong();
        this.lastSample = start;
        this.lastOutput = start;
        if (interactive) {
            redraw(start, false);
        }
    }

    /**
     * Starts configuring a bar.
     *
     * @param label the text before the bar, e.g. {@code "train"}; may be empty
     * @return a builder with an unknown total, unit {@code "it"} and output to {@code System.err}
     */
    public static Builder builder(String label) {
        return new Builder(label == null ? "" : label);
    }

    @Override
    public synchronized void advance(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("progress cannot go backwards: advance(" + units + ")");
        }
        if (closed) {
            return;
        }
        count += units;
        long now = clock.getAsLong();
        if (now - lastSample >= SAMPLE_NANOS) {
            double inst = (count - lastSampleCount) / ((now - lastSample) / 1e9);
            rate = Double.isNaN(rate) ? inst : SMOOTHING * inst + (1 - SMOOTHING) * rate;
            lastSample = now;
            lastSampleCount = count;
        }
        if (interactive ? now - lastOutput >= REDRAW_NANOS : now - lastOutput >= intervalNanos) {
            if (interactive) {
                redraw(now, false);
            } else {
                println(line(now, false));
            }
            lastOutput = now;
        }
    }

    @Override
    public synchronized void metric(String name, double value) {
        metrics.put(name, value);
    }

    /**
     * Returns the units done so far.
     *
     * @return the count
     */
    public synchronized long count() {
        return count;
    }

    /** Prints the final line with the average rate over the whole run; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long now = clock.getAsLong();
        if (interactive) {
            redraw(now, true);
            out.print(System.lineSeparator());
            out.flush();
        } else {
            println(line(now, true));
        }
    }

    private String line(long now, boolean last) {
        long elapsed = now - start;
        double shown = last ? (elapsed > 0 ? count / (elapsed / 1e9) : Double.NaN) : rate;
        if (!last && Double.isNaN(shown) && now - lastSample > 0 && count > 0) {
            shown = (count - lastSampleCount) / ((now - lastSample) / 1e9);
        }
        return ProgressFormat.line(label, count, total, unit, width, elapsed, shown, total > 0, metrics);
    }

    private void redraw(long now, boolean last) {
        String line = line(now, last);
        String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
        out.print("\r" + line + pad);
        out.flush();
        lastLength = line.length();
    }

    private void println(String line) {
        out.println(line);
        out.flush();
    }

    /** Settings for a {@link ProgressBar}. */
    public static final class Builder {
        private final String label;
        private long total = -1;
        private String unit = "it";
        private int width = 20;
        private PrintStream out = System.err;
        private boolean interactive = System.console() != null;
        private Duration interval = Duration.ofSeconds(5);
        private LongSupplier clock = System::nanoTime;

        private Builder(String label) {
            this.label = label;
        }

        /**
         * Sets the total work.
         *
         * @param total units to do; -1 when unknown (only count and rate are shown)
         * @return this builder
         * @throws VivariumException if {@code total} is 0 or below -1
         */
        public Builder total(long total) {
            if (total == 0 || total < -1) {
                throw new VivariumException("progress total " + total + " is invalid",
                        "pass a positive total, or -1 when it is unknown");
            }
            this.total = total;
            return this;
        }

        /**
         * Sets the unit name shown after counts and in rates.
         *
         * @param unit e.g. {@code "step"}, {@code "tok"}, {@code "doc"}
         * @return this builder
         */
        public Builder unit(String unit) {
            this.unit = unit == null || unit.isBlank() ? "it" : unit.strip();
            return this;
        }

        /**
         * Sets the bar width in characters (default 20).
         *
         * @param chars 5 to 100
         * @return this builder
         * @throws VivariumException if out of range
         */
        public Builder width(int chars) {
            if (chars < 5 || chars > 100) {
                throw new VivariumException("progress bar width " + chars, "use 5 to 100 characters");
            }
            this.width = chars;
            return this;
        }

        /**
         * Sets where the bar is printed (default {@code System.err}).
         *
         * @param out the stream
         * @return this builder
         */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        /**
         * Overrides console detection (default: {@code System.console() != null}).
         *
         * @param interactive true to redraw in place, false to print throttled plain lines
         * @return this builder
         */
        public Builder interactive(boolean interactive) {
            this.interactive = interactive;
            return this;
        }

        /**
         * Sets the minimum time between plain lines when not interactive (default 5 s).
         *
         * @param interval a positive duration
         * @return this builder
         * @throws VivariumException if not positive
         */
        public Builder interval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new VivariumException("progress interval " + interval + " is not positive",
                        "pass e.g. Duration.ofSeconds(5)");
            }
            this.interval = interval;
            return this;
        }

        /**
         * Replaces the time source, e.g. with a fake clock in tests.
         *
         * @param nanoTime returns monotonic nanoseconds like {@link System#nanoTime()}
         * @return this builder
         */
        public Builder clock(LongSupplier nanoTime) {
            this.clock = nanoTime;
            return this;
        }

        /**
         * Creates the bar; an interactive bar draws its first line immediately.
         *
         * @return the bar
         */
        public ProgressBar build() {
            return new ProgressBar(this);
        }
    }
}
