package org.vivarium.report.progress;

import java.util.Locale;
import java.util.Map;
import org.vivarium.report.internal.Numbers;

/** Formats one progress line from a snapshot of the bar's state. */
final class ProgressFormat {
    private ProgressFormat() {
    }

    /**
     * Builds a line like {@code label  47% |#########          | 4700/10000 step  [00:12<00:14, 391.2 step/s]}.
     *
     * @param label the bar's label, possibly empty
     * @param count units done
     * @param total total units, or a negative value when unknown
     * @param unit the unit name
     * @param width bar width in characters
     * @param elapsedNanos time since start
     * @param rate units per second (NaN when not known yet)
     * @param eta whether to show the remaining time
     * @param metrics name to value, shown as {@code name=value}
     */
    static String line(String label, long count, long total, String unit, int width, long elapsedNanos, double rate,
            boolean eta, Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        if (!label.isEmpty()) {
            sb.append(label).append("  ");
        }
        String elapsed = duration(elapsedNanos / 1e9);
        if (total > 0) {
            double frac = Math.min(1, count / (double) total);
            int filled = (int) Math.floor(frac * width);
            sb.append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(frac * 100))).append(" |")
                    .append("#".repeat(filled)).append(" ".repeat(width - filled)).append("| ")
                    .append(count).append('/').append(total).append(' ').append(unit).append("  [").append(elapsed);
            if (eta) {
                sb.append('<').append(rate > 0 ? duration(Math.max(0, total - count) / rate) : "?");
            }
        } else {
            sb.append(count).append(' ').append(unit).append("  [").append(elapsed);
        }
        sb.append(", ").append(rate(rate, unit)).append(']');
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            sb.append(' ').append(m.getKey()).append('=').append(Numbers.compact(m.getValue(), 4));
        }
        return sb.toString();
    }

    /** Formats a rate as {@code 391.2 step/s}, or {@code 2.5 s/step} below one unit per second. */
    static String rate(double perSecond, String unit) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            return "? " + unit + "/s";
        }
        if (perSecond < 1) {
            return Numbers.compact(1 / perSecond, 3) + " s/" + unit;
        }
        return Numbers.compact(perSecond, 4) + " " + unit + "/s";
    }

    /** Formats seconds as {@code mm:ss}, or {@code h:mm:ss} from one hour. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(Math.max(0, seconds));
        long h = s / 3600;
        long m = s / 60 % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", m, s % 60);
    }
}
