package org.vivarium.report.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.vivarium.api.VivariumException;
import org.vivarium.report.internal.AtomicFiles;
import org.vivarium.report.plot.Chart;

/**
 * Builds a standalone HTML page (one file, built-in CSS, no scripts) from headings, paragraphs, tables,
 * images and preformatted blocks. All text is HTML-escaped.
 *
 * <pre>{@code
 * HtmlReport.titled("Probe sweep: induction organism")
 *     .paragraph("Linear probes on the residual stream, 5 seeds.")
 *     .heading("Accuracy by layer")
 *     .chart(plot, "Probe accuracy; dashed line is chance")   // embedded as a data: URI
 *     .table(results)
 *     .pre(config.toString())
 *     .write(Path.of("runs/x/report.html"));
 * }</pre>
 */
public final class HtmlReport {
    private final String title;
    private final List<String> blocks = new ArrayList<>();
    private int decimals = 4;

    private HtmlReport(String title) {
        this.title = title;
    }

    /**
     * Starts a page; the title becomes the {@code <title>} and the top {@code <h1>}.
     *
     * @param title the page title
     * @return the builder
     */
    public static HtmlReport titled(String title) {
        return new HtmlReport(title == null ? "" : title);
    }

    /**
     * Adds a section heading ({@code <h2>}).
     *
     * @param text the heading
     * @return this report
     */
    public HtmlReport heading(String text) {
        return heading(2, text);
    }

    /**
     * Adds a heading of a given level.
     *
     * @param level 2 to 4 ({@code <h1>} is the title)
     * @param text the heading
     * @return this report
     * @throws VivariumException if the level is out of range
     */
    public HtmlReport heading(int level, String text) {
        if (level < 2 || level > 4) {
            throw new VivariumException("HTML heading level " + level, "use level 2 to 4; level 1 is the title");
        }
        blocks.add("<h" + level + ">" + Html.escape(text) + "</h" + level + ">");
        return this;
    }

    /**
     * Adds a paragraph; line breaks in the text become {@code <br>}.
     *
     * @param text the paragraph text
     * @return this report
     */
    public HtmlReport paragraph(String text) {
        blocks.add("<p>" + Html.escape(text).replace("\n", "<br>\n") + "</p>");
        return this;
    }

    /**
     * Adds a preformatted block, e.g. a config or a command line.
     *
     * @param text the text, shown verbatim in a monospace font
     * @return this report
     */
    public HtmlReport pre(String text) {
        blocks.add("<pre>" + Html.escape(text) + "</pre>");
        return this;
    }

    /**
     * Sets the decimals for floating-point table cells added after this call (default 4).
     *
     * @param decimals 0 to 12
     * @return this report
     * @throws VivariumException if out of range
     */
    public HtmlReport decimals(int decimals) {
        if (decimals < 0 || decimals > 12) {
            throw new VivariumException("HTML report: " + decimals + " decimals", "use 0 to 12 decimals");
        }
        this.decimals = decimals;
        return this;
    }

    /**
     * Adds a table; numeric columns are right-aligned.
     *
     * @param table the table
     * @return this report
     */
    public HtmlReport table(Table table) {
        int n = table.header().size();
        boolean[] num = new boolean[n];
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        for (int c = 0; c < n; c++) {
            num[c] = table.isNumeric(c);
            sb.append(num[c] ? "<th class=\"num\">" : "<th>").append(Html.escape(table.header().get(c)))
                    .append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : table.rows()) {
            sb.append("<tr>");
            for (int c = 0; c < n; c++) {
                sb.append(num[c] ? "<td class=\"num\">" : "<td>")
                        .append(Html.escape(CellFormat.text(row.get(c), decimals))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        blocks.add(sb.append("</tbody>\n</table>").toString());
        return this;
    }

    /**
     * Embeds a PNG file in the page as a {@code data:} URI, so the page stays a single file.
     *
     * @param png the image file
     * @param caption the caption (also the alt text); may be empty
     * @return this report
     * @throws VivariumException if the file cannot be read
     */
    public HtmlReport image(Path png, String caption) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(png);
        } catch (IOException e) {
            throw new VivariumException("cannot read image " + png + " for the HTML report (" + e + ")",
                    "write the plot first, or link it with imageLink(...)", e);
        }
        return figure(dataUri(bytes, png.getFileName().toString()), caption);
    }

    /**
     * Renders a chart and embeds it as a {@code data:} URI.
     *
     * @param chart the chart
     * @param caption the caption (also the alt text); may be empty
     * @return this report
     */
    public HtmlReport chart(Chart chart, String caption) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(chart.render(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return figure(dataUri(out.toByteArray(), "chart.png"), caption);
    }

    /**
     * Adds an image by reference, e.g. a PNG next to the HTML file.
     *
     * @param href a relative link such as {@code "loss.png"}
     * @param caption the caption (also the alt text); may be empty
     * @return this report
     */
    public HtmlReport imageLink(String href, String caption) {
        return figure(Html.escape(href), caption);
    }

    private HtmlReport figure(String src, String caption) {
        String cap = caption == null ? "" : caption;
        String alt = Html.escape(cap);
        blocks.add("<figure><img src=\"" + src + "\" alt=\"" + alt + "\">"
                + (cap.isEmpty() ? "" : "<figcaption>" + alt + "</figcaption>") + "</figure>");
        return this;
    }

    private static String dataUri(byte[] bytes, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg"
                : lower.endsWith(".svg") ? "image/svg+xml" : "image/png";
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Renders the page.
     *
     * @return a complete HTML5 document
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n")
                .append(ReportCss.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        if (!title.isEmpty()) {
            sb.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        }
        blocks.forEach(b -> sb.append(b).append('\n'));
        return sb.append("</main>\n</body>\n</html>\n").toString();
    }

    /**
     * Writes the page as UTF-8, atomically (temporary file, then rename).
     *
     * @param html the file to create or replace; missing parent directories are created
     * @throws VivariumException if the file cannot be written
     */
    public void write(Path html) {
        AtomicFiles.writeString(html, render(), "HTML report");
    }
}
