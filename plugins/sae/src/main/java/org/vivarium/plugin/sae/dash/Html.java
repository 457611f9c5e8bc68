package org.vivarium.plugin.sae.dash;

import java.util.Locale;

/** HTML text helpers for the dashboard pages. */
final class Html {
    private Html() {
    }

    /**
     * Escapes text for HTML element content and attribute values.
     *
     * @param s the text
     * @return the escaped text
     */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Shows a token's text visibly: newlines and tabs as symbols, a lone space as a middle dot.
     *
     * @param token the token text
     * @return the display text, escaped
     */
    static String token(String token) {
        String t = token.replace("\n", "\u21b5").replace("\t", "\u21e5").replace("\r", "");
        return esc(t.equals(" ") ? "\u00b7" : t);
    }

    /**
     * Formats a number with a few significant digits.
     *
     * @param v the value
     * @return the text
     */
    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 100 ? String.format(Locale.ROOT, "%.1f", v) : a >= 1 ? String.format(Locale.ROOT, "%.3f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    /** The style sheet shared by all pages. */
    static final String CSS = "body{font-family:system-ui,sans-serif;margin:1.5em;max-width:1100px;color:#222}"
            + "table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left;"
            + "vertical-align:top}th{cursor:pointer;background:#f4f4f4}td.n{text-align:right;"
            + "font-variant-numeric:tabular-nums}.ctx{font-family:ui-monospace,monospace;white-space:pre-wrap}"
            + ".ctx span{border-radius:2px}.fire{outline:2px solid #c40;font-weight:bold}.tok{font-family:"
            + "ui-monospace,monospace;background:#eef;padding:0 3px;margin:1px;display:inline-block}"
            + ".neg{background:#fee}.muted{color:#777}nav a{margin-right:1em}";
}
