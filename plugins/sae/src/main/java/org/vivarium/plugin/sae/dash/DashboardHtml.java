package org.vivarium.plugin.sae.dash;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.report.io.AtomicText;

/**
 * Writes the dashboards as static HTML: {@code index.html} lists every latent in a table sortable by any
 * column (a few lines of inline script), and {@code latents/N.html} shows one latent: its statistics, an
 * inline-SVG activation histogram, promoted and suppressed tokens, and its top contexts with every token
 * shaded by the latent's activation and the firing token outlined.
 */
final class DashboardHtml {
    private static final String SORT_SCRIPT = "<script>document.querySelectorAll('th').forEach((th,i)=>th.onclick="
            + "()=>{const t=th.closest('table'),b=t.tBodies[0],rows=[...b.rows],num=th.dataset.num!==undefined,"
            + "asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';rows.sort((x,y)=>{let a=x.cells[i].dataset.v??"
            + "x.cells[i].textContent,c=y.cells[i].dataset.v??y.cells[i].textContent;if(num){a=+a;c=+c;}"
            + "return (a<c?-1:a>c?1:0)*(asc?1:-1);});rows.forEach(r=>b.appendChild(r));});</script>";

    private DashboardHtml() {
    }

    /**
     * Writes every page.
     *
     * @param dir the output directory
     * @param title the page title prefix, e.g. {@code SAE lm-relu on blocks.1.hook_resid_post}
     * @param cards one card per latent, in latent order
     * @param rows tokens scanned
     */
    static void write(Path dir, String title, List<LatentCard> cards, long rows) {
        AtomicText.write(dir.resolve("index.html"), index(title, cards, rows));
        for (LatentCard c : cards) {
            AtomicText.write(dir.resolve("latents").resolve(c.latent() + ".html"), page(title, c, cards.size(), rows));
        }
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.esc(title)
                + "</title><style>" + Html.CSS + "</style></head><body>";
    }

    static String index(String title, List<LatentCard> cards, long rows) {
        long alive = cards.stream().filter(c -> c.count() > 0).count();
        StringBuilder b = new StringBuilder(head(title + ": feature dashboards"));
        b.append("<h1>").append(Html.esc(title)).append("</h1><p>").append(cards.size()).append(" latents, ")
                .append(alive).append(" fired on at least one of ").append(String.format("%,d", rows))
                .append(" tokens. Click a column header to sort.</p>");
        b.append("<table><thead><tr><th data-num>latent</th><th>feature</th><th data-num>frequency</th>"
                + "<th data-num>max act</th><th data-num>mean act</th><th>top promoted tokens</th>"
                + "<th>top context</th></tr></thead><tbody>");
        for (LatentCard c : cards) {
            b.append("<tr><td class=n data-v=\"").append(c.latent()).append("\"><a href=\"latents/").append(c.latent())
                    .append(".html\">").append(c.latent()).append("</a></td><td>").append(Html.esc(c.feature()))
                    .append("</td><td class=n data-v=\"").append(c.frequency()).append("\">")
                    .append(String.format("%.3f%%", 100 * c.frequency())).append("</td><td class=n data-v=\"")
                    .append(c.max()).append("\">").append(Html.num(c.max())).append("</td><td class=n data-v=\"")
                    .append(c.mean()).append("\">").append(Html.num(c.mean())).append("</td><td>");
            c.promoted().stream().limit(3).forEach(t -> b.append("<span class=tok>").append(Html.token(t.token()))
                    .append("</span>"));
            b.append("</td><td class=ctx>");
            if (!c.contexts().isEmpty()) {
                ContextView v = c.contexts().get(0);
                int from = Math.max(0, v.firing() - 12);
                int to = Math.min(v.starts().length, v.firing() + 4);
                b.append(Html.esc(v.text().substring(v.starts()[from], v.spanStart()).replace('\n', ' ')))
                        .append("<b>").append(Html.esc(v.firingToken().replace('\n', ' '))).append("</b>")
                        .append(Html.esc(v.text().substring(v.spanEnd(), v.ends()[to - 1]).replace('\n', ' ')));
            } else {
                b.append("<span class=muted>never fired</span>");
            }
            b.append("</td></tr>");
        }
        return b.append("</tbody></table>").append(SORT_SCRIPT).append("</body></html>\n").toString();
    }

    static String page(String title, LatentCard c, int latents, long rows) {
        StringBuilder b = new StringBuilder(head(c.feature() + " — " + title));
        b.append("<nav><a href=\"../index.html\">all latents</a>");
        if (c.latent() > 0) {
            b.append("<a href=\"").append(c.latent() - 1).append(".html\">&larr; ").append(c.latent() - 1).append("</a>");
        }
        if (c.latent() + 1 < latents) {
            b.append("<a href=\"").append(c.latent() + 1).append(".html\">").append(c.latent() + 1).append(" &rarr;</a>");
        }
        b.append("</nav><h1>").append(Html.esc(c.feature())).append("</h1><p class=muted>")
                .append(Html.esc(title)).append("</p>");
        b.append("<p>Fires on ").append(String.format("%,d", c.count())).append(" of ")
                .append(String.format("%,d", rows)).append(" tokens (").append(String.format("%.3f%%",
                        100 * c.frequency())).append("); max activation ").append(Html.num(c.max()))
                .append(", mean when firing ").append(Html.num(c.mean())).append(".</p>");
        b.append("<h2>Activation histogram</h2>").append(histogram(c.histogram(), c.max()));
        b.append("<h2>Output tokens</h2><p>Promoted: ");
        c.promoted().forEach(t -> b.append("<span class=tok title=\"").append(Html.num(t.logit())).append("\">")
                .append(Html.token(t.token())).append(" <small>").append(Html.num(t.logit())).append("</small></span>"));
        b.append("</p><p>Suppressed: ");
        c.suppressed().forEach(t -> b.append("<span class=\"tok neg\" title=\"").append(Html.num(t.logit()))
                .append("\">").append(Html.token(t.token())).append(" <small>").append(Html.num(t.logit()))
                .append("</small></span>"));
        b.append("</p><h2>Top activating contexts</h2>");
        if (c.contexts().isEmpty()) {
            b.append("<p class=muted>This latent never fired on the scanned tokens.</p>");
        } else {
            b.append("<table><thead><tr><th data-num>#</th><th data-num>activation</th><th>context</th>"
                    + "<th data-num>seq:pos</th></tr></thead><tbody>");
            int rank = 0;
            for (ContextView v : c.contexts()) {
                b.append("<tr><td class=n>").append(++rank).append("</td><td class=n data-v=\"").append(v.activation())
                        .append("\">").append(Html.num(v.activation())).append("</td><td class=ctx>")
                        .append(shaded(v, c.max())).append("</td><td class=n data-v=\"").append(v.seq())
                        .append("\">").append(v.seq()).append(':').append(v.pos()).append("</td></tr>");
            }
            b.append("</tbody></table>").append(SORT_SCRIPT);
        }
        return b.append("</body></html>\n").toString();
    }

    private static String shaded(ContextView v, float max) {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < v.starts().length; t++) {
            float a = t < v.tokenActs().length ? v.tokenActs()[t] : 0;
            double alpha = max > 0 ? Math.max(0, Math.min(1, a / max)) : 0;
            b.append("<span");
            if (t == v.firing()) {
                b.append(" class=fire");
            }
            if (alpha > 0) {
                b.append(String.format(" style=\"background:rgba(255,110,0,%.2f)\" title=\"%s\"", alpha,
                        Html.num(a)));
            }
            b.append('>').append(Html.esc(v.text().substring(v.starts()[t], v.ends()[t]))).append("</span>");
            if (t + 1 < v.starts().length && v.ends()[t] < v.starts()[t + 1]) {
                b.append(Html.esc(v.text().substring(v.ends()[t], v.starts()[t + 1])));
            }
        }
        return b.toString();
    }

    /** An inline SVG bar chart of the histogram, with the bin range on the x axis. */
    static String histogram(long[] counts, float max) {
        int w = 480;
        int h = 120;
        long top = 1;
        for (long c : counts) {
            top = Math.max(top, c);
        }
        StringBuilder b = new StringBuilder("<svg width=\"" + (w + 60) + "\" height=\"" + (h + 30)
                + "\" role=\"img\" aria-label=\"activation histogram\"><g transform=\"translate(50,5)\">");
        double bw = (double) w / Math.max(1, counts.length);
        for (int i = 0; i < counts.length; i++) {
            double bh = (double) counts[i] / top * h;
            b.append(String.format(java.util.Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#e67e22\"><title>%s–%s: %d"
                    + "</title></rect>", i * bw, h - bh, Math.max(0.5, bw - 1), bh, Html.num(max * i / counts.length),
                    Html.num(max * (i + 1) / counts.length), counts[i]));
        }
        b.append("<line x1=\"0\" y1=\"").append(h).append("\" x2=\"").append(w).append("\" y2=\"").append(h)
                .append("\" stroke=\"#333\"/>");
        b.append("<text x=\"0\" y=\"").append(h + 16).append("\" font-size=\"11\">0</text><text x=\"").append(w)
                .append("\" y=\"").append(h + 16).append("\" font-size=\"11\" text-anchor=\"end\">")
                .append(Html.num(max)).append("</text><text x=\"-6\" y=\"10\" font-size=\"11\" text-anchor=\"end\">")
                .append(top).append("</text><text x=\"-6\" y=\"").append(h).append("\" font-size=\"11\" "
                        + "text-anchor=\"end\">0</text></g></svg>");
        return b.toString();
    }
}
