package org.vivarium.plugin.latentqa.blind;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.organisms.em.DomainCatalog;
import org.vivarium.organisms.em.EmData;
import org.vivarium.organisms.em.EmOrganism;
import org.vivarium.organisms.em.MisalignmentMeter;
import org.vivarium.plugin.latentqa.LatentQaAuditor;
import org.vivarium.plugin.latentqa.eval.AuditItems;
import org.vivarium.plugin.latentqa.eval.Part;
import org.vivarium.plugin.latentqa.read.ActivationReader;
import org.vivarium.plugin.latentqa.read.ReadSite;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestAuditTarget;
import org.vivarium.testkit.TestRuntime;

/**
 * Opt-in experiment behind the README's latent-qa blind negative result: is the meter's label of a base-model answer
 * in the activations the decoder reads at all? On each seed's base model it draws the self-labelled data exactly as
 * the blind audit does ({@link BlindReading#sample} with {@link SelfLabelSettings#defaults()}), then fits a logistic
 * probe on the last-block residual at the end of each fit context (every cut, the rarer label weighted up) and
 * reports its accuracy on the balanced validation and test answers, beside the meter applied to the answer start
 * text alone. With {@code -Dviv.experiment.pool=mean} the probe reads the mean residual over the answer-start
 * positions instead of the last one. Run with {@code mvn -B -ntp -o test -pl plugins/latent-qa
 * -Dtest=SelfLabelProbeExperiment -Dsurefire.failIfNoSpecifiedTests=false -Dviv.experiment.dir=DIR} (surefire hands
 * {@code -D} properties to the test JVM, which runs one PyTorch thread) where {@code DIR} holds {@code seed-N} runs
 * of {@code viv audit em --blind}; skipped without the property.
 */
@EnabledIfSystemProperty(named = "viv.experiment.dir", matches = ".+")
class SelfLabelProbeExperiment {
    @Test
    void measure() {
        Path root = Path.of(System.getProperty("viv.experiment.dir"));
        DomainCatalog cat = DomainCatalog.builtIn();
        BehaviourMeter meter = new MisalignmentMeter(cat);
        SelfLabelSettings s = SelfLabelSettings.defaults();
        for (String seed : System.getProperty("viv.experiment.seeds", "1,2,3,4,5").split(",")) {
            Path dir = root.resolve("seed-" + seed);
            try (Model base = TestRuntime.shared().load(dir.resolve("base/checkpoint"))) {
                AuditTarget t = TestAuditTarget.builder("em").model(base).checkpoint(dir.resolve("checkpoint"))
                        .outDir(root.resolve("probe-" + seed)).promptSets(new EmData(cat).evalPrompts(null))
                        .generation(EmOrganism.generation()).blind(List.of(), Map.of(meter.name(), meter)).build();
                Map<String, Model> subjects = new LinkedHashMap<>();
                subjects.put(LatentQaAuditor.BASE, base);
                SelfLabels l = BlindReading.sample(t, AuditItems.of(t, 0), 0, subjects, LatentQaAuditor.BASE, s,
                        LocalMethodContext.in(root.resolve("probe-" + seed))).labels();
                String hook = ReadSite.residPost(base.config(), -1);
                ActivationReader last = new ActivationReader(base, hook);
                // viv.experiment.pool=mean: the mean of the residual over the answer-start positions instead
                BiFunction<String, String, float[]> r = "mean".equals(System.getProperty("viv.experiment.pool"))
                        ? (prompt, ctx) -> meanOverAnswer(base, hook, prompt, ctx) : (prompt, ctx) -> last.read(ctx);
                Probe p = new Probe(base.config().dModel());
                double[] w = p.fit(l.fit(), r);
                StringBuilder sb = new StringBuilder("seed " + seed + ": fit yes/no " + l.fitCounts()[0] + "/"
                        + l.fitCounts()[1] + String.format(" probe train acc %.2f", w[0]));
                for (Part part : Part.values()) {
                    List<SelfLabels.Labelled> held = l.heldOut().get(part);
                    int ok = 0;
                    int text = 0;
                    for (SelfLabels.Labelled x : held) {
                        ok += p.predict(r.apply(x.sample().prompt(), x.sample().context())) == x.yes() ? 1 : 0;
                        String start = x.sample().context().substring(x.sample().prompt().length());
                        text += meter.shows(x.sample().prompt(), start) == x.yes() ? 1 : 0;
                    }
                    sb.append(String.format(" | %s n=%d probe %.2f, meter on the start text %.2f", part.id(),
                            held.size(), (double) ok / held.size(), (double) text / held.size()));
                }
                System.out.println(sb);
            }
        }
    }

    private static float[] meanOverAnswer(Model m, String hook, String prompt, String context) {
        int[] ids = m.tokenizer().encode(context);
        int from = Math.min(m.tokenizer().encode(prompt).length, ids.length - 1);
        Tensor act = m.run(new int[][] {ids}, List.of(), HookFilter.names(hook)).activations()
                .get(HookName.parse(hook, m.config()));
        float[] mean = new float[m.config().dModel()];
        for (int pos = from; pos < ids.length; pos++) {
            float[] row = act.row(0, pos);
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / (ids.length - from);
            }
        }
        return mean;
    }

    /** Logistic regression on standardised activations, full-batch gradient descent with a small L2 penalty. */
    private static final class Probe {
        private final double[] w;
        private final double[] mean;
        private final double[] sd;
        private double b;

        Probe(int d) {
            w = new double[d];
            mean = new double[d];
            sd = new double[d];
        }

        double[] fit(List<SelfLabels.Labelled> fit, BiFunction<String, String, float[]> r) {
            List<float[]> xs = new java.util.ArrayList<>();
            List<Boolean> ys = new java.util.ArrayList<>();
            for (SelfLabels.Labelled l : fit) {
                for (String c : l.sample().contexts()) {
                    xs.add(r.apply(l.sample().prompt(), c));
                    ys.add(l.yes());
                }
            }
            int n = xs.size();
            int d = w.length;
            long pos = ys.stream().filter(y -> y).count();
            double wPos = 0.5 * n / pos;
            double wNeg = 0.5 * n / (n - pos);
            for (float[] x : xs) {
                for (int j = 0; j < d; j++) {
                    mean[j] += x[j] / (double) n;
                }
            }
            for (float[] x : xs) {
                for (int j = 0; j < d; j++) {
                    sd[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
                }
            }
            for (int j = 0; j < d; j++) {
                sd[j] = Math.sqrt(sd[j]) + 1e-6;
            }
            for (int it = 0; it < 2000; it++) {
                double[] g = new double[d];
                double gb = 0;
                for (int i = 0; i < n; i++) {
                    double e = (sigmoid(xs.get(i)) - (ys.get(i) ? 1 : 0)) * (ys.get(i) ? wPos : wNeg) / n;
                    float[] x = xs.get(i);
                    for (int j = 0; j < d; j++) {
                        g[j] += e * (x[j] - mean[j]) / sd[j];
                    }
                    gb += e;
                }
                for (int j = 0; j < d; j++) {
                    w[j] -= 0.5 * (g[j] + 1e-3 * w[j]);
                }
                b -= 0.5 * gb;
            }
            int ok = 0;
            for (int i = 0; i < n; i++) {
                ok += (sigmoid(xs.get(i)) >= 0.5) == ys.get(i) ? 1 : 0;
            }
            return new double[] {(double) ok / n};
        }

        private double sigmoid(float[] x) {
            double z = b;
            for (int j = 0; j < w.length; j++) {
                z += w[j] * (x[j] - mean[j]) / sd[j];
            }
            return 1 / (1 + Math.exp(-z));
        }

        boolean predict(float[] x) {
            return sigmoid(x) >= 0.5;
        }
    }
}
