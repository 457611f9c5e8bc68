package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.vivarium.api.VivariumException;

/**
 * The activation range of the search form ({@code min} and {@code max} request parameters, either may be absent):
 * the same filter as typing {@code act>=MIN act<=MAX} into the query, as form controls.
 *
 * @param min lowest activation shown, or null for no lower bound
 * @param max highest activation shown, or null for no upper bound
 */
record ActivationRange(Double min, Double max) {
    /** No bounds. */
    static final ActivationRange ALL = new ActivationRange(null, null);

    /**
     * @param req a request with optional {@code min} and {@code max} parameters
     * @return the range
     * @throws VivariumException if a bound is not a finite number or min exceeds max
     */
    static ActivationRange of(HttpServletRequest req) {
        Double min = bound(req, "min");
        Double max = bound(req, "max");
        if (min != null && max != null && min > max) {
            throw new VivariumException("the activation range is empty: min " + fmt(min) + " is above max " + fmt(max),
                    "pass min <= max, or leave one of them empty");
        }
        return new ActivationRange(min, max);
    }

    private static Double bound(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new VivariumException(name + " must be a number, got \"" + v + "\"", "pass e.g. " + name + "=2.5,"
                + " or leave it empty for no bound");
    }

    /**
     * @param query the query as typed
     * @return the query narrowed to the range, e.g. {@code (password) AND act>=2.0}
     */
    String apply(String query) {
        StringBuilder filter = new StringBuilder();
        if (min != null) {
            filter.append("act>=").append(fmt(min));
        }
        if (max != null) {
            filter.append(filter.length() > 0 ? " AND " : "").append("act<=").append(fmt(max));
        }
        if (filter.length() == 0) {
            return query;
        }
        return query.isBlank() ? filter.toString() : "(" + query + ") AND " + filter;
    }

    /** @return the range as URL parameters to append to a link, e.g. {@code &min=2.0}; empty without bounds */
    String params() {
        return (min == null ? "" : "&min=" + fmt(min)) + (max == null ? "" : "&max=" + fmt(max));
    }

    /** @return the two number inputs of the search form, filled with the current bounds */
    String formControls() {
        return "<label for=\"min\">activation from</label> <input id=\"min\" name=\"min\" type=\"number\" step=\"any\""
                + " size=\"6\" value=\"" + (min == null ? "" : fmt(min)) + "\"> <label for=\"max\">to</label> "
                + "<input id=\"max\" name=\"max\" type=\"number\" step=\"any\" size=\"6\" value=\""
                + (max == null ? "" : fmt(max)) + "\">";
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%s", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
