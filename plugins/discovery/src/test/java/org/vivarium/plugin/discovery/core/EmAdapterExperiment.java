package org.vivarium.plugin.discovery.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.organisms.em.DomainCatalog;
import org.vivarium.organisms.em.EmData;
import org.vivarium.testkit.TestRuntime;

/**
 * Opt-in experiment behind the README's em domain negative result: per-domain adapter input activation on trained em organisms.. Run with
 * {@code mvn -B -ntp -o test -pl plugins/discovery -Dtest=EmAdapterExperiment -Dviv.experiment.dir=DIR
 * -DargLine="-Dviv.experiment.dir=DIR -Dai.djl.pytorch.num_threads=1"} where {@code DIR} holds {@code seed-N} runs of
 * {@code viv audit em --blind}; skipped without the property.
 */
@EnabledIfSystemProperty(named = "viv.experiment.dir", matches = ".+")
class EmAdapterExperiment {
    @Test
    void measure() {
        Path root = Path.of(System.getProperty("viv.experiment.dir"));
        Map<String, List<String>> sets = new EmData(DomainCatalog.builtIn()).evalPrompts(null);
        for (String seed : System.getProperty("viv.experiment.seeds", "1,2,3,4").split(",")) {
            Path dir = root.resolve("seed-" + seed);
            List<LoraFactor> f = TestRuntime.shared().readAdapter(dir.resolve("checkpoint"));
            float[] a = f.get(0).inputDirection(0);
            HookName hook = HookName.mlpPost(1);
            try (Model b = TestRuntime.shared().load(dir.resolve("base/checkpoint"))) {
                StringBuilder mean = new StringBuilder("seed " + seed + " mean|Ax| all pos:");
                StringBuilder last = new StringBuilder("seed " + seed + " signed Ax last pos:");
                StringBuilder max = new StringBuilder("seed " + seed + " max Ax signed:");
                for (Map.Entry<String, List<String>> d : sets.entrySet()) {
                    double sAll = 0, sLast = 0, sMax = 0;
                    int nAll = 0;
                    for (String p : d.getValue()) {
                        int[] toks = b.tokenizer().encode(p);
                        Tensor h = b.run(new int[][] {toks}, List.of(), n -> n.equals(hook)).activations().get(hook);
                        int len = toks.length;
                        int w = a.length;
                        float[] data = h.data();
                        double mx = Double.NEGATIVE_INFINITY;
                        for (int t = 0; t < len; t++) {
                            double dot = 0;
                            for (int i = 0; i < w; i++) {
                                dot += data[t * w + i] * a[i];
                            }
                            sAll += Math.abs(dot);
                            nAll++;
                            mx = Math.max(mx, dot);
                            if (t == len - 1) {
                                sLast += dot;
                            }
                        }
                        sMax += mx;
                    }
                    int n = d.getValue().size();
                    mean.append(String.format(" %s %.3f", d.getKey(), sAll / nAll));
                    last.append(String.format(" %s %.3f", d.getKey(), sLast / n));
                    max.append(String.format(" %s %.3f", d.getKey(), sMax / n));
                }
                System.out.println(mean);
                System.out.println(last);
                System.out.println(max);
            }
        }
    }
}
