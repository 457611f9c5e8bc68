package org.vivarium.api.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vivarium.api.web.HtmlText;

/**
 * A context text with marked ranges: the firing token and, optionally, words that matched the query.
 *
 * <p>Render it for a terminal with {@link #terminal()} ({@code «firing»}, {@code [term]}) or for a web
 * page with {@link #html()} ({@code <mark>firing</mark>}, {@code <em>term</em>}), or read the
 * {@link #marks()} directly. Example:
 * <pre>{@code
 * HighlightedText h = hit.highlight().window(80);
 * System.out.println(h.terminal());   // "… my «password» is …"
 * }</pre>
 *
 * @param text the plain text
 * @param marks marked ranges, sorted by start and not overlapping
 */
public record HighlightedText(String text, List<Mark> marks) {
    private static final String ELLIPSIS = "…";

    /**
     * Sorts the marks and checks that they fit the text and do not overlap.
     *
     * @throws IllegalArgumentException if a mark lies outside the text or overlaps another
     */
    public HighlightedText {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt(Mark::start));
        int previousEnd = 0;
        for (Mark m : sorted) {
            if (m.start() < previousEnd || m.end() <= m.start() || m.end() > text.length()) {
                throw new IllegalArgumentException("mark " + m + " overlaps another or lies outside a text of "
                        + text.length() + " characters");
            }
            previousEnd = m.end();
        }
        marks = List.copyOf(sorted);
    }

    /**
     * Renders the text for a terminal: the firing token as {@code «token»}, query words as {@code [word]}.
     *
     * @return the marked-up text
     */
    public String terminal() {
        return render("«", "»", "[", "]", false);
    }

    /**
     * Renders the text as HTML: the firing token in {@code <mark>}, query words in {@code <em>}; all
     * other text is HTML-escaped.
     *
     * @return an HTML fragment
     */
    public String html() {
        return render("<mark>", "</mark>", "<em>", "</em>", true);
    }

    /**
     * Cuts the text to at most about {@code maxChars} characters around the firing token, adding
     * {@code …} where text was cut. Returns this object when the text already fits.
     *
     * @param maxChars the wanted length, at least 10
     * @return the windowed text with shifted marks
     */
    public HighlightedText window(int maxChars) {
        int limit = Math.max(10, maxChars);
        if (text.length() <= limit) {
            return this;
        }
        Mark focus = marks.stream().filter(m -> m.kind() == Mark.Kind.FIRING).findFirst()
                .orElse(marks.isEmpty() ? new Mark(0, 1, Mark.Kind.QUERY_TERM) : marks.get(0));
        int width = Math.max(limit, focus.end() - focus.start());
        int center = (focus.start() + focus.end()) / 2;
        int start = Math.max(0, center - width / 2);
        int end = Math.min(text.length(), start + width);
        start = Math.max(0, Math.min(start, focus.start()));
        end = Math.max(end, focus.end());
        String prefix = start > 0 ? ELLIPSIS : "";
        String suffix = end < text.length() ? ELLIPSIS : "";
        int shift = prefix.length() - start;
        List<Mark> kept = new ArrayList<>();
        for (Mark m : marks) {
            if (m.start() >= start && m.end() <= end) {
                kept.add(new Mark(m.start() + shift, m.end() + shift, m.kind()));
            }
        }
        return new HighlightedText(prefix + text.substring(start, end) + suffix, kept);
    }

    private String render(String fireOpen, String fireClose, String termOpen, String termClose, boolean escape) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int at = 0;
        for (Mark m : marks) {
            append(out, text.substring(at, m.start()), escape);
            boolean firing = m.kind() == Mark.Kind.FIRING;
            out.append(firing ? fireOpen : termOpen);
            append(out, text.substring(m.start(), m.end()), escape);
            out.append(firing ? fireClose : termClose);
            at = m.end();
        }
        append(out, text.substring(at), escape);
        return out.toString();
    }

    private static void append(StringBuilder out, String s, boolean escape) {
        if (!escape) {
            out.append(s);
            return;
        }
        out.append(HtmlText.escape(s));
    }
}
