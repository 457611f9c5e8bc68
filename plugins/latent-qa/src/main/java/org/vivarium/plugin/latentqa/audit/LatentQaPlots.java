package org.vivarium.plugin.latentqa.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.plugin.latentqa.eval.Evaluation;
import org.vivarium.plugin.latentqa.eval.Score;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.report.plot.BarPlot;

/**
 * The audit's plots: held-out accuracy per question and subject model, and the condition-answer rate on neutral
 * prompts per domain and model. Error bars are half the 95% Wilson interval's width, centred on the rate (the
 * tables give the exact, asymmetric interval).
 */
public final class LatentQaPlots {
    /** Accuracy per question and model. */
    public static final String ACCURACY = "accuracy-by-question.png";
    /** Condition-answer rate per domain and model. */
    public static final String CONDITION = "condition-rate-by-domain.png";
    /** The pooled category of the condition plot. */
    static final String POOLED = "held-out mean";

    private LatentQaPlots() {
    }

    /**
     * Writes the plots that have data.
     *
     * @param out the auditor's directory
     * @param r the measurements
     * @param s the thresholds (drawn as reference lines)
     * @return file name to caption
     */
    public static Map<String, String> write(Path out, LatentQaRun r, LatentQaSettings s) {
        Map<String, String> images = new LinkedHashMap<>();
        Evaluation ev = r.evaluation();
        List<Question> qs = r.items().questions().stream().filter(q -> ev.accuracy().containsKey(q.key())).toList();
        if (!qs.isEmpty()) {
            BarPlot.Builder b = BarPlot.builder().title("latent-QA decoder: held-out accuracy")
                    .xLabel("question").yLabel("accuracy").yRange(0, 1)
                    .categories(qs.stream().map(Question::text).toList())
                    .referenceLine(s.minConditionAccuracy(), "condition threshold");
            for (String role : ev.roles()) {
                List<Score> scores = new ArrayList<>();
                qs.forEach(q -> scores.add(ev.accuracy().get(q.key()).getOrDefault(role, Score.EMPTY)));
                series(b, role + " activations", scores);
            }
            b.build().write(out.resolve(ACCURACY));
            images.put(ACCURACY, "held-out accuracy of the decoder (trained on " + r.trainRole()
                    + " activations) per question, reading each model's activations; error bars: 95% Wilson");
        }
        if (!ev.conditionByDomain().isEmpty()) {
            List<String> domains = new ArrayList<>(ev.conditionByDomain().values().iterator().next().keySet());
            List<String> cats = new ArrayList<>(domains);
            cats.add(POOLED);
            BarPlot.Builder b = BarPlot.builder().title("'" + r.items().condition().conditionAnswer()
                    + "' answers on neutral prompts").xLabel("prompt domain").yLabel("rate").yRange(0, 1)
                    .categories(cats);
            for (String role : ev.roles()) {
                List<Score> scores = new ArrayList<>();
                domains.forEach(d -> scores.add(ev.conditionByDomain().get(role).get(d)));
                scores.add(ev.conditionRate().get(role));
                series(b, role, scores);
            }
            b.build().write(out.resolve(CONDITION));
            images.put(CONDITION, "rate of the answer '" + r.items().condition().conditionAnswer() + "' to '"
                    + r.items().condition().text() + "' for each model's activations on neutral held-out prompts, per"
                    + " domain and pooled over domains other than the fine-tune domain; error bars: half the width of the 95%"
                    + " Wilson interval (the table has the interval)");
        }
        return images;
    }

    private static void series(BarPlot.Builder b, String name, List<Score> scores) {
        double[] v = new double[scores.size()];
        double[] e = new double[scores.size()];
        for (int i = 0; i < v.length; i++) {
            Score sc = scores.get(i);
            v[i] = sc == null ? Double.NaN : sc.rate();
            double[] w = sc == null || sc.n() == 0 ? new double[] {0, 0} : sc.wilson();
            e[i] = (w[1] - w[0]) / 2;
        }
        b.series(name, v, e);
    }
}
