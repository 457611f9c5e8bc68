package org.vivarium.launcher.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.VivariumException;

/**
 * A run's loss curve from its {@code loss.csv}: the first column is the step, every column whose name starts with
 * {@code loss} is a series ({@code loss} for a transformer, {@code loss_density_0.1} ... for the superposition
 * sweep). At most {@link #MAX_POINTS} evenly spaced rows are kept (always the last one), so long runs stay small.
 *
 * @param names the series' column names
 * @param steps the kept steps
 * @param values per series, the value at each kept step (NaN where the cell is not a number)
 * @param rows rows in the file
 */
record LossCurve(List<String> names, double[] steps, List<double[]> values, int rows) {
    /** Most points drawn per series. */
    static final int MAX_POINTS = 500;
    private static final String[] COLORS = {"#3b6ea5", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085"};

    /**
     * @param csv a {@code loss.csv}
     * @return the curve, or null when there is no such file
     * @throws VivariumException if the file has no step column or no loss column
     */
    static LossCurve read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            return null;
        }
        List<String[]> lines = new ArrayList<>();
        String[] header;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            header = h == null ? new String[0] : h.split(",", -1);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new VivariumException("cannot read " + csv.getFileName() + ": " + e.getMessage(),
                    "check the file's permissions", e);
        }
        List<Integer> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 1; c < header.length; c++) {
            if (header[c].trim().startsWith("loss")) {
                cols.add(c);
                names.add(header[c].trim());
            }
        }
        if (header.length == 0 || cols.isEmpty()) {
            throw new VivariumException(csv.getFileName() + " has no step and loss columns",
                    "it should start with a header like step,loss,...");
        }
        int stride = Math.max(1, (int) Math.ceil(lines.size() / (double) MAX_POINTS));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += stride) {
            kept.add(i);
        }
        if (!lines.isEmpty() && kept.get(kept.size() - 1) != lines.size() - 1) {
            kept.add(lines.size() - 1);
        }
        double[] steps = new double[kept.size()];
        List<double[]> values = new ArrayList<>();
        cols.forEach(c -> values.add(new double[kept.size()]));
        for (int k = 0; k < kept.size(); k++) {
            String[] row = lines.get(kept.get(k));
            steps[k] = number(row, 0);
            for (int s = 0; s < cols.size(); s++) {
                values.get(s)[k] = number(row, cols.get(s));
            }
        }
        return new LossCurve(List.copyOf(names), steps, List.copyOf(values), lines.size());
    }

    private static double number(String[] row, int col) {
        try {
            return col < row.length ? Double.parseDouble(row[col].trim()) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** @return per series its last finite value, by name */
    Map<String, Double> last() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int s = 0; s < names.size(); s++) {
            double v = Double.NaN;
            for (double x : values.get(s)) {
                v = Double.isFinite(x) ? x : v;
            }
            out.put(names.get(s), v);
        }
        return out;
    }

    /** @return the JSON of the curve: rows, steps and each series */
    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("rows", rows);
        o.put("steps", steps);
        Map<String, Object> series = new LinkedHashMap<>();
        for (int s = 0; s < names.size(); s++) {
            series.put(names.get(s), values.get(s));
        }
        o.put("series", series);
        return o;
    }

    /** @return an inline SVG line chart (no script, no external resource), one polyline per series */
    String svg() {
        int w = 720;
        int h = 280;
        int left = 60;
        int right = 10;
        int top = 10;
        int bottom = 40;
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < steps.length; k++) {
            for (double[] v : values) {
                if (Double.isFinite(steps[k]) && Double.isFinite(v[k])) {
                    x0 = Math.min(x0, steps[k]);
                    x1 = Math.max(x1, steps[k]);
                    y0 = Math.min(y0, v[k]);
                    y1 = Math.max(y1, v[k]);
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg class=\"loss-curve\" xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"loss curve\">",
                w, h, w, h));
        if (x0 > x1) {
            return s.append("<text x=\"10\" y=\"20\">no finite loss values</text></svg>").toString();
        }
        double xs = x1 > x0 ? (w - left - right) / (x1 - x0) : 0;
        double ys = y1 > y0 ? (h - top - bottom) / (y1 - y0) : 0;
        for (int si = 0; si < values.size(); si++) {
            s.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(COLORS[si % COLORS.length])
                    .append("\" points=\"");
            double[] v = values.get(si);
            for (int k = 0; k < steps.length; k++) {
                if (Double.isFinite(steps[k]) && Double.isFinite(v[k])) {
                    s.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + (steps[k] - x0) * xs,
                            h - bottom - (v[k] - y0) * ys));
                }
            }
            s.append("\"><title>").append(Html.esc(names.get(si))).append("</title></polyline>");
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                left, h - bottom, w - right, h - bottom));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                left, top, left, h - bottom));
        s.append(label(left, h - bottom + 16, "start", step(x0)))
                .append(label(w - right, h - bottom + 16, "end", step(x1)))
                .append(label((left + w - right) / 2, h - 6, "middle", "step"))
                .append(label(left - 4, top + 10, "end", fmt(y1)))
                .append(label(left - 4, h - bottom, "end", fmt(y0)));
        for (int si = 0; si < names.size() && names.size() > 1; si++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\""
                    + " text-anchor=\"end\">%s</text>", w - right - 4, top + 12 + 13 * si, COLORS[si % COLORS.length],
                    Html.esc(names.get(si))));
        }
        return s.append("</svg>").toString();
    }

    private static String label(int x, int y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"%s\">%s</text>", x,
                y, anchor, Html.esc(text));
    }

    private static String step(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : fmt(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
