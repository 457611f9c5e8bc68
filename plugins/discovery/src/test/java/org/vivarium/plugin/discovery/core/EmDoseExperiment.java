package org.vivarium.plugin.discovery.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.em.DomainCatalog;
import org.vivarium.organisms.em.EmData;
import org.vivarium.organisms.em.MisalignmentMeter;
import org.vivarium.testkit.TestLinearAlgebra;
import org.vivarium.testkit.TestRuntime;

/**
 * Opt-in experiment: the fine-tune's dose response per domain. The base model gets {@code alpha} times the weight
 * difference (audited minus base) through {@link WeightDiffHooks}; at {@code alpha = 1} it is the audited model.
 * Run with {@code mvn -B -ntp -o test -pl plugins/discovery -Dtest=EmDoseExperiment -Dviv.experiment.dir=DIR
 * -Dviv.experiment.seeds=1,2 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "viv.experiment.dir", matches = ".+")
class EmDoseExperiment {
    @Test
    void measure() {
        Path root = Path.of(System.getProperty("viv.experiment.dir"));
        int samples = Integer.getInteger("viv.experiment.samples", 4);
        float temp = Float.parseFloat(System.getProperty("viv.experiment.temp", "1.0"));
        String[] alphas = System.getProperty("viv.experiment.alphas", "0.25,0.5,0.75,1").split(",");
        DomainCatalog cat = DomainCatalog.builtIn();
        BehaviourMeter meter = new MisalignmentMeter(cat);
        Map<String, List<String>> sets = new EmData(cat).evalPrompts(null);
        DomainParts parts = DomainParts.of(sets, 12);
        for (String seed : System.getProperty("viv.experiment.seeds", "1,2").split(",")) {
            Path dir = root.resolve("seed-" + seed);
            try (Model a = TestRuntime.shared().load(dir.resolve("checkpoint"));
                    Model b = TestRuntime.shared().load(dir.resolve("base/checkpoint"))) {
                WeightDiffHooks diff = WeightDiffHooks.of(a, b, TestLinearAlgebra.shared());
                System.out.println("seed " + seed + " diff: " + diff.describe());
                for (String d : sets.keySet()) {
                    StringBuilder sb = new StringBuilder(String.format("  %-8s base %.2f/%.2f", d,
                            rate(b, meter, parts.validation().get(d), samples, temp, 0, diff),
                            rate(b, meter, parts.test().get(d), samples, temp, 0, diff)));
                    for (String al : alphas) {
                        double alpha = Double.parseDouble(al);
                        sb.append(String.format("  a=%s %.2f/%.2f", al,
                                rate(b, meter, parts.validation().get(d), samples, temp, alpha, diff),
                                rate(b, meter, parts.test().get(d), samples, temp, alpha, diff)));
                    }
                    System.out.println(sb);
                }
            }
        }
    }

    private static double rate(Model m, BehaviourMeter meter, List<String> prompts, int samples, float temp,
            double alpha, WeightDiffHooks diff) {
        return EmSampledExperiment.rate(m, meter, prompts, samples, temp, diff.hooks((float) alpha));
    }
}
