package org.vivarium.launcher.web;

/**
 * Builds an HTML table whose cells are escaped text unless given as {@link Raw} markup the page made itself
 * (a link, a status class).
 *
 * <pre>{@code
 * String html = new HtmlTable("runs", "Run", "Seed").row(HtmlTable.link("/run/em", "em"), 1).html();
 * }</pre>
 */
final class HtmlTable {
    private final StringBuilder b = new StringBuilder();

    /** Markup that is put into a cell as it is; make it only from escaped parts. */
    record Raw(String html) {
    }

    /**
     * @param id the table's element id (may be null)
     * @param headers the column headings
     */
    HtmlTable(String id, String... headers) {
        b.append("<table").append(id == null ? "" : " id=\"" + Html.esc(id) + "\"").append("><tr>");
        for (String h : headers) {
            b.append("<th>").append(Html.esc(h)).append("</th>");
        }
        b.append("</tr>");
    }

    /**
     * @param href a path the page made (escaped here)
     * @param text the link text (escaped here)
     * @return a link cell
     */
    static Raw link(String href, String text) {
        return new Raw("<a href=\"" + Html.esc(href) + "\">" + Html.esc(text) + "</a>");
    }

    /**
     * @param ok whether to show it as good (green) or bad (red)
     * @param text the text (escaped here)
     * @return a status cell
     */
    static Raw status(boolean ok, String text) {
        return new Raw("<span class=\"state " + (ok ? "ok" : "bad") + "\">" + Html.esc(text) + "</span>");
    }

    /**
     * Adds a row.
     *
     * @param cells text (escaped; null shows as empty) or {@link Raw} markup
     * @return this
     */
    HtmlTable row(Object... cells) {
        b.append("<tr>");
        for (Object c : cells) {
            b.append("<td>").append(c instanceof Raw r ? r.html() : Html.esc(c == null ? "" : String.valueOf(c)))
                    .append("</td>");
        }
        b.append("</tr>");
        return this;
    }

    /** @return the table's markup */
    String html() {
        return b + "</table>";
    }
}
