package org.vivarium.plugin.latentqa.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.plugin.latentqa.eval.Evaluation;
import org.vivarium.plugin.latentqa.eval.Part;
import org.vivarium.plugin.latentqa.eval.Score;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.report.plot.BarPlot;

/**
 * The audit's plots, both of the test part: accuracy per question and subject model, and the condition-answer rate
 * on neutral prompts per domain and model. Error bars are half the 95% Wilson interval's width, centred on the rate
 * (the tables give the exact, asymmetric interval).
 */
public final class LatentQaPlots {
    /** Accuracy per question and model. */
    public static final String ACCURACY = "accuracy-by-question.png";
    /** Condition-answer rate per domain and model. */
    public static final String CONDITION = "condition-rate-by-domain.png";
    /** The pooled category of the condition plot. */
    static final String POOLED = "pooled";

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
        List<Question> qs = r.items().questions().stream()
                .filter(q -> ev.accuracy(Part.TEST, q.key(), r.trainRole()).n() > 0).toList();
        if (!qs.isEmpty()) {
            BarPlot.Builder b = BarPlot.builder().title("latent-QA decoder: test accuracy")
                    .xLabel("question").yLabel("accuracy").yRange(0, 1)
                    .categories(qs.stream().map(Question::text).toList())
                    .referenceLine(s.minConditionAccuracy(), "condition threshold");
            for (String role : ev.roles()) {
                List<Score> scores = new ArrayList<>();
                qs.forEach(q -> scores.add(ev.accuracy(Part.TEST, q.key(), role)));
                series(b, role + " activations", scores);
            }
            b.build().write(out.resolve(ACCURACY));
            images.put(ACCURACY, "test-part accuracy of the decoder (trained on " + r.trainRole()
                    + " activations of the fit part) per question, reading each model's activations; error bars: 95%"
                    + " Wilson");
        }
        List<String> domains = ev.domains();
        if (!domains.isEmpty()) {
            String chosen = r.chosenDomain();
            List<String> cats = new ArrayList<>(domains);
            cats.add(POOLED);
            Question c = r.items().condition();
            BarPlot.Builder b = BarPlot.builder().title("'" + c.conditionAnswer() + "' answers on neutral test"
                    + " prompts").xLabel("prompt domain").yLabel("rate").yRange(0, 1).categories(cats);
            for (String role : ev.roles()) {
                List<Score> scores = new ArrayList<>();
                domains.forEach(d -> scores.add(ev.condition(Part.TEST, role, d)));
                scores.add(ev.pooled(Part.TEST, role, chosen));
                series(b, role, scores);
            }
            b.build().write(out.resolve(CONDITION));
            images.put(CONDITION, "rate of the answer '" + c.conditionAnswer() + "' to '" + c.text() + "' for each"
                    + " model's activations on the neutral prompts of the test part, per domain and pooled over the"
                    + " domains" + (chosen == null ? "" : " except '" + chosen + "' (chosen on validation)")
                    + "; error bars: half the width of the 95% Wilson interval (the table has the interval)");
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
