package org.vivarium.report.progress;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.Progress;
import org.vivarium.report.internal.Numbers;

/**
 * The platform's {@link Progress} display, drawn by the progressbar library ({@code me.tongfei:progressbar}):
 *
 * <pre>
 * train  47% [=========&gt;          ] 4700/10000 step (0:00:12 / 0:00:14) 391.2 step/s loss=2.314 tok/s=51.2k
 * </pre>
 *
 * <p>On an interactive console it redraws in place (carriage return) ten times a second and ends with a newline.
 * Otherwise (CI logs, files) it prints a plain line when the count has moved, at most every
 * {@link Builder#interval interval} (5 s by default), plus a final line on {@link #close()}. The rate is the
 * average since the start and the ETA (after the slash) divides the remaining work by it; both show {@code ?}
 * during the first second. With an unknown total the bar shows the count, elapsed time and rate.
 * {@linkplain #metric Metrics} follow as {@code name=value}.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.builder("train").total(steps).unit("step").build()) {
 *     for (int s = 0; s < steps; s++) {
 *         bar.metric("loss", trainStep());
 *         bar.advance(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Methods are synchronized, so one training thread may report while another closes the bar.
 */
public final class ProgressBar implements Progress {
    /** Line length of plain (non-interactive) output; the bar fills what the text leaves. */
    private static final int PLAIN_WIDTH = 110;

    private final me.tongfei.progressbar.ProgressBar bar;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final AtomicLong printed = new AtomicLong(-1);
    private volatile boolean closed;
    private String lastLine = "";

    private ProgressBar(Builder b) {
        ProgressBarConsumer consumer = b.interactive ? new ConsoleProgressBarConsumer(b.out)
                : new DelegatingProgressBarConsumer(line -> plain(b.out, line), PLAIN_WIDTH);
        this.bar = new ProgressBarBuilder()
                .setTaskName(b.label)
                .setInitialMax(b.total)
                .setUnit(" " + b.unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(consumer)
                .setUpdateIntervalMillis(b.interactive ? 100 : (int) Math.min(Integer.MAX_VALUE, b.interval.toMillis()))
                .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setSpeedUnit(ChronoUnit.SECONDS)
                .build();
    }

    /**
     * Prints a plain line unless the count has not moved since the last one; the final line prints unless it
     * repeats the last one word for word.
     */
    private void plain(PrintStream out, String line) {
        // not on this bar's monitor: close() holds it while it waits for the library's final line
        synchronized (printed) {
            long now = bar == null ? 0 : bar.getCurrent();
            boolean moved = printed.getAndSet(now) != now;
            if (moved || closed && !line.equals(lastLine)) {
                out.println(line);
                out.flush();
                lastLine = line;
            }
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
        if (!closed) {
            bar.stepBy(units);
        }
    }

    @Override
    public synchronized void metric(String name, double value) {
        metrics.put(name, value);
        bar.setExtraMessage(metrics.entrySet().stream()
                .map(m -> " " + m.getKey() + "=" + Numbers.compact(m.getValue(), 4))
                .collect(Collectors.joining()));
    }

    /**
     * Returns the units done so far.
     *
     * @return the count
     */
    public synchronized long count() {
        return bar.getCurrent();
    }

    /** Draws the final line; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }

    /** Settings for a {@link ProgressBar}. */
    public static final class Builder {
        private final String label;
        private long total = -1;
        private String unit = "it";
        private PrintStream out = System.err;
        private boolean interactive = System.console() != null;
        private Duration interval = Duration.ofSeconds(5);

        private Builder(String label) {
            this.label = label;
        }

        /**
         * Sets the total work.
         *
         * @param total units to do; -1 when unknown (only count, time and rate are shown)
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
         * Creates the bar and draws its first line.
         *
         * @return the bar
         */
        public ProgressBar build() {
            return new ProgressBar(this);
        }
    }
}
