package org.vivarium.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vivarium.report.plot.BarPlot;
import org.vivarium.report.plot.Heatmap;
import org.vivarium.report.plot.Histogram;
import org.vivarium.report.plot.LinePlot;
import org.vivarium.report.table.HtmlReport;
import org.vivarium.report.table.Table;

/**
 * Renders one example of every chart plus an HTML page, for a human to look at. Runs only when asked:
 * {@code mvn -o test -pl platform/report -Dtest=ExamplesRenderTest -Dvivarium.report.examples=/tmp/report-examples}.
 */
@EnabledIfSystemProperty(named = "vivarium.report.examples", matches = ".+",
        disabledReason = "renders example figures for people to look at; run with -Dvivarium.report.examples=DIR")
class ExamplesRenderTest {

    @Test
    void renderExamples() {
        Path dir = Path.of(System.getProperty("vivarium.report.examples"));
        Random rnd = new Random(42);

        int n = 2000;
        double[] steps = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i * 5;
            loss[i] = 1.8 + 6 * Math.exp(-i / 300.0) + rnd.nextGaussian() * 0.25 + (i > 900 && i < 960 ? -0.6 : 0);
        }
        double[] evalSteps = new double[21];
        double[] evalLoss = new double[21];
        for (int i = 0; i <= 20; i++) {
            evalSteps[i] = i * 500;
            evalLoss[i] = 2.1 + 6 * Math.exp(-i * 100 / 300.0);
        }
        LinePlot line = LinePlot.builder().title("Induction organism: training loss").xLabel("step").yLabel("loss")
                .series("train", steps, loss).series("validation", evalSteps, evalLoss).smoothing(0.95).scale(2)
                .build();
        line.write(dir.resolve("line.png"));
        LinePlot.builder().title("Same, log scale").xLabel("step").yLabel("loss").logY(true)
                .series("train", steps, loss).series("validation", evalSteps, evalLoss).smoothing(0.95)
                .build().write(dir.resolve("line-log.png"));

        String[] layers = {"embed", "L0", "L1", "L2", "L3", "L4", "L5", "final"};
        double[] acc = new double[8];
        double[] sd = new double[8];
        double[] ctrl = new double[8];
        for (int i = 0; i < 8; i++) {
            acc[i] = 0.55 + 0.4 * Math.min(1, i / 4.0) - (i > 5 ? 0.05 : 0);
            sd[i] = 0.02 + 0.02 * rnd.nextDouble();
            ctrl[i] = 0.5 + 0.05 * rnd.nextDouble();
        }
        BarPlot bar = BarPlot.builder().title("Probe accuracy by layer").xLabel("layer").yLabel("accuracy")
                .categories(layers).series("linear probe", acc, sd).series("control task", ctrl)
                .referenceLine(0.5, "chance").yRange(0, 1).scale(2).build();
        bar.write(dir.resolve("bar.png"));
        BarPlot.builder().title("Refusal rate per steering coefficient").xLabel("steering coefficient")
                .yLabel("refusal rate")
                .categories("-8.0", "-4.0", "-2.0", "-1.0", "-0.5", "0.0", "0.5", "1.0", "2.0", "4.0", "8.0")
                .series("rate", new double[] {0.02, 0.03, 0.08, 0.15, 0.22, 0.3, 0.38, 0.47, 0.66, 0.85, 0.97})
                .referenceLine(0.3, "baseline").build().write(dir.resolve("bar-coefficients.png"));

        double[][] heads = new double[6][8];
        for (int l = 0; l < 6; l++) {
            for (int h = 0; h < 8; h++) {
                heads[l][h] = rnd.nextGaussian() * 0.25 + (l == 2 && h == 5 ? 1.4 : 0) + (l == 4 && h == 1 ? 0.9 : 0);
            }
        }
        Heatmap.builder().title("Induction score per head").xLabel("head").yLabel("layer").matrix(heads)
                .colorBarLabel("score").scale(2).build().write(dir.resolve("heatmap-heads.png"));
        String[] toks = "<bos> The cat sat on the mat . The cat sat on the".split(" ");
        double[][] att = new double[toks.length][toks.length];
        for (int q = 0; q < toks.length; q++) {
            double sum = 0;
            for (int k = 0; k <= q; k++) {
                boolean induct = k > 0 && toks[k - 1].equals(toks[q]) && k < q;
                att[q][k] = Math.exp(rnd.nextGaussian() * 0.5 + (induct ? 3.5 : 0) + (k == 0 ? 1 : 0));
                sum += att[q][k];
            }
            for (int k = 0; k < toks.length; k++) {
                att[q][k] = k <= q ? att[q][k] / sum : Double.NaN;
            }
        }
        Heatmap.builder().title("Attention pattern, layer 2 head 5").xLabel("key").yLabel("query").matrix(att)
                .rowLabels(Arrays.asList(toks)).columnLabels(Arrays.asList(toks)).range(0, 1)
                .colorBarLabel("attention").size(760, 680).scale(2).build().write(dir.resolve("heatmap-attention.png"));

        double[][] big = new double[64][48];
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (int j = 0; j < 48; j++) {
            keys.add("token_" + j);
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 48; j++) {
                big[i][j] = Math.sin(i * 0.1) * Math.cos(j * 0.2);
            }
        }
        Heatmap.builder().title("Feature activation by position").xLabel("token").yLabel("feature").matrix(big)
                .columnLabels(keys).colorBarLabel("activation").scale(2).build().write(dir.resolve("heatmap-large.png"));
        java.util.List<String> cats = new java.util.ArrayList<>();
        double[] many = new double[30];
        for (int i = 0; i < many.length; i++) {
            cats.add("blocks." + i / 5 + ".attn.hook_z head " + i % 5);
            many[i] = Math.abs(Math.sin(i / 4.0)) * 0.9;
        }
        BarPlot.builder().title("Direct logit attribution by head").yLabel("attribution").categories(cats)
                .series("attribution", many).build().write(dir.resolve("bar-many.png"));

        double[] pre = new double[50_000];
        double[] post = new double[50_000];
        for (int i = 0; i < pre.length; i++) {
            pre[i] = rnd.nextGaussian() * 1.2 - 0.3;
            double x = pre[i];
            post[i] = 0.5 * x * (1 + Math.tanh(0.7978845608 * (x + 0.044715 * x * x * x)));
        }
        Histogram.builder().title("MLP activations, layer 3").xLabel("activation").series("pre-GELU", pre)
                .series("post-GELU", post).bins(80).scale(2).build().write(dir.resolve("histogram.png"));

        Table t = Table.of("layer", "probe acc", "control acc", "selectivity");
        for (int i = 0; i < 8; i++) {
            t.row(layers[i], acc[i], ctrl[i], acc[i] - ctrl[i]);
        }
        HtmlReport.titled("Probe sweep: induction organism")
                .paragraph("Linear probes on the residual stream; 5 seeds, error bars are one standard deviation.")
                .heading("Training").chart(line, "Training and validation loss")
                .heading("Probes").chart(bar, "Probe accuracy; dashed line is chance").table(t)
                .heading("Configuration").pre("organism: induction\nlayers: 6\nd_model: 128\nseed: 42")
                .write(dir.resolve("report.html"));

        assertTrue(Files.exists(dir.resolve("report.html")));
    }
}
