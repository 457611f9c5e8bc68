package org.vivarium.plugin.discovery.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.em.DomainCatalog;
import org.vivarium.organisms.em.EmData;
import org.vivarium.testkit.TestRuntime;

/**
 * Opt-in experiment behind the README's em domain negative result: per-domain answer KL on trained em organisms.. Run with
 * {@code mvn -B -ntp -o test -pl plugins/discovery -Dtest=EmDivergenceExperiment -Dviv.experiment.dir=DIR
 * -DargLine="-Dviv.experiment.dir=DIR -Dai.djl.pytorch.num_threads=1"} where {@code DIR} holds {@code seed-N} runs of
 * {@code viv audit em --blind}; skipped without the property.
 */
@EnabledIfSystemProperty(named = "viv.experiment.dir", matches = ".+")
class EmDivergenceExperiment {
    @Test
    void measure() {
        Path root = Path.of(System.getProperty("viv.experiment.dir"));
        int tokens = Integer.getInteger("viv.experiment.tokens", 24);
        Map<String, List<String>> sets = new EmData(DomainCatalog.builtIn()).evalPrompts(null);
        DomainParts parts = DomainParts.of(sets, 12);
        for (String seed : System.getProperty("viv.experiment.seeds", "1,2,3,4").split(",")) {
            Path dir = root.resolve("seed-" + seed);
            try (Model a = TestRuntime.shared().load(dir.resolve("checkpoint"));
                    Model b = TestRuntime.shared().load(dir.resolve("base/checkpoint"))) {
                StringBuilder sb = new StringBuilder("seed " + seed + ":");
                for (String d : sets.keySet()) {
                    double v = mean(AnswerDivergence.perPrompt(a, b, parts.validation().get(d), tokens, Quiet.PROGRESS));
                    double t = mean(AnswerDivergence.perPrompt(a, b, parts.test().get(d), tokens, Quiet.PROGRESS));
                    sb.append(String.format(" %s %.3f/%.3f", d, v, t));
                }
                System.out.println(sb);
            }
        }
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
