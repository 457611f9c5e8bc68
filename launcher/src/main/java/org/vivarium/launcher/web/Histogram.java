package org.vivarium.launcher.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Equal-width bins over a set of activations, rendered as inline SVG (no script, no external resource).
 *
 * @param min lower edge of the first bin
 * @param max upper edge of the last bin
 * @param counts contexts per bin
 * @param sampled how many activations were binned
 */
record Histogram(float min, float max, long[] counts, int sampled) {

    /**
     * @param values the activations
     * @param bins number of bins, at least 1
     * @return the histogram; all values in one bin when they are equal
     */
    static Histogram of(float[] values, int bins) {
        long[] counts = new long[Math.max(1, bins)];
        if (values.length == 0) {
            return new Histogram(0, 0, counts, 0);
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float width = (hi - lo) / counts.length;
        for (float v : values) {
            int b = width == 0 ? 0 : (int) ((v - lo) / width);
            counts[Math.min(counts.length - 1, Math.max(0, b))]++;
        }
        return new Histogram(lo, hi, counts, values.length);
    }

    /** @return bins with their edges and counts */
    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("min", min);
        o.put("max", max);
        o.put("sampled", sampled);
        List<Object> bins = new ArrayList<>();
        float width = (max - min) / counts.length;
        for (int i = 0; i < counts.length; i++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("from", min + i * width);
            b.put("to", i == counts.length - 1 ? max : min + (i + 1) * width);
            b.put("count", counts[i]);
            bins.add(b);
        }
        o.put("bins", bins);
        return o;
    }

    /** @return an inline SVG bar chart with axis labels; each bar has a tooltip with its range and count */
    String svg() {
        int w = 600;
        int h = 200;
        int left = 40;
        int bottom = 30;
        int plotW = w - left - 10;
        int plotH = h - bottom - 10;
        long peak = 1;
        for (long c : counts) {
            peak = Math.max(peak, c);
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" role=\"img\" aria-label=\"activation histogram\">");
        double barW = (double) plotW / counts.length;
        float width = (max - min) / counts.length;
        for (int i = 0; i < counts.length; i++) {
            double bh = (double) counts[i] / peak * plotH;
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3b6ea5\"><title>%s to %s: %d</title></rect>",
                    left + i * barW + 1, 10 + plotH - bh, Math.max(1, barW - 2), bh,
                    fmt(min + i * width), fmt(i == counts.length - 1 ? max : min + (i + 1) * width), counts[i]));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                left, 10 + plotH, left + plotW, 10 + plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", left, h - 10, fmt(min)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>",
                left + plotW, h - 10, fmt(max)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">activation</text>",
                left + plotW / 2, h - 10));
        s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"20\" font-size=\"12\">%d</text>", peak));
        s.append("</svg>");
        return s.toString();
    }

    private static String fmt(float v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
