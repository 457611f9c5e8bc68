package org.vivarium.plugin.lorainterp.report;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.vivarium.plugin.lorainterp.analysis.ColumnStats;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.TargetAnalysis;
import org.vivarium.plugin.lorainterp.unembed.TokenEffect;
import org.vivarium.plugin.lorainterp.unembed.UnembedProjection;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/** The analysis as Markdown tables; cells that were not measured stay empty. */
public final class LoraTables {
    private LoraTables() {
    }

    /**
     * Renders the spectrum of every update.
     *
     * @param a the analysis
     * @return a Markdown table
     */
    public static String spectra(LoraAnalysis a) {
        Table t = Table.of("weight", "rank", "scale", "singular values", "top energy", "effective rank", "|dW|_F");
        for (TargetAnalysis x : a.targets()) {
            String sv = DoubleStream.of(x.spectrum().sigma()).mapToObj(v -> String.format(Locale.ROOT, "%.4g", v))
                    .collect(Collectors.joining(", "));
            t.row(x.target(), x.rank(), x.scale(), sv, num(x.spectrum().topEnergyFraction()),
                    num(x.spectrum().effectiveRank()), x.spectrum().frobeniusNorm());
        }
        return MarkdownTable.of(t).decimals(4).render();
    }

    /**
     * Renders the output directions' cosines.
     *
     * @param a the analysis
     * @return a Markdown table
     */
    public static String directions(LoraAnalysis a) {
        double q = a.settings().nullQuantile();
        boolean ref = a.reference().isPresent();
        Table t = ref ? Table.of("weight", "output site", "cos(mean diff)", randomHeader(q), "aligned",
                "cos(--direction)", "sign rule")
                : Table.of("weight", "output site", "cos(mean diff)", randomHeader(q), "aligned", "sign rule");
        for (TargetAnalysis x : a.targets()) {
            String aligned = Double.isFinite(x.cosMeanDifference())
                    ? (x.aligned(a.settings().minCosine()) ? "yes" : "no") : "";
            String site = x.site().map(s -> s.output().path()).orElse("");
            if (ref) {
                t.row(x.target(), site, num(x.cosMeanDifference()), num(x.randomQuantile()), aligned,
                        num(x.cosReference()), x.orientation().rule());
            } else {
                t.row(x.target(), site, num(x.cosMeanDifference()), num(x.randomQuantile()), aligned,
                        x.orientation().rule());
            }
        }
        return MarkdownTable.of(t).decimals(3).render();
    }

    private static String randomHeader(double q) {
        return String.format(Locale.ROOT, "random |cos| p%.0f", q * 100);
    }

    /**
     * Renders each residual writer's cosine with the mean difference at every residual site.
     *
     * @param a the analysis
     * @return a Markdown table, or empty if no weight writes the residual stream with a contrast
     */
    public static String bySite(LoraAnalysis a) {
        int sites = a.targets().stream().mapToInt(t -> t.cosineBySite().length).max().orElse(0);
        if (sites == 0) {
            return "";
        }
        java.util.List<String> header = new java.util.ArrayList<>(java.util.List.of("weight"));
        header.add("embeddings");
        for (int i = 1; i < sites; i++) {
            header.add("after block " + (i - 1));
        }
        Table t = Table.of(header);
        for (TargetAnalysis x : a.targets()) {
            if (x.cosineBySite().length == sites) {
                java.util.List<Object> row = new java.util.ArrayList<>(java.util.List.of(x.target()));
                for (double c : x.cosineBySite()) {
                    row.add(c);
                }
                t.row(row);
            }
        }
        return MarkdownTable.of(t).decimals(3).render();
    }

    /**
     * Renders the promoted and suppressed tokens of one output direction.
     *
     * @param u the projection
     * @return a Markdown table
     */
    public static String tokens(UnembedProjection u) {
        Table t = Table.of("#", "promoted", "logit", "suppressed", "logit ");
        for (int i = 0; i < u.promoted().size(); i++) {
            TokenEffect p = u.promoted().get(i);
            TokenEffect s = u.suppressed().get(i);
            t.row(i + 1, show(p.text()), p.logit(), show(s.text()), s.logit());
        }
        return MarkdownTable.of(t).decimals(3).render();
    }

    /**
     * Renders the per-component activation statistics.
     *
     * @param a the analysis
     * @return a Markdown table
     */
    public static String components(LoraAnalysis a) {
        Table t = Table.of("feature", "cos(b_k, mean diff)", "mean act (pos)", "mean act (neg)", "mean act (all)",
                "AUROC (max over tokens)", "sign rule");
        for (TargetAnalysis x : a.targets()) {
            for (ColumnStats c : x.columns()) {
                t.row("lora/" + x.target() + "/" + c.k(), num(c.cosMeanDifference()), num(c.meanPositive()),
                        num(c.meanNegative()), num(c.meanAll()), num(c.auroc()), c.orientation().rule());
            }
        }
        return MarkdownTable.of(t).decimals(3).render();
    }

    /** Makes whitespace tokens visible. */
    static String show(String token) {
        String s = token.replace("\n", "\\n").replace("\t", "\\t");
        return s.isBlank() ? "\"" + s + "\"" : s;
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
