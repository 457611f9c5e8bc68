package org.vivarium.plugin.discovery.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.em.DomainCatalog;
import org.vivarium.organisms.em.EmData;
import org.vivarium.organisms.em.EmOrganism;
import org.vivarium.organisms.em.MisalignmentMeter;
import org.vivarium.testkit.TestAuditTarget;
import org.vivarium.testkit.TestLinearAlgebra;
import org.vivarium.testkit.TestRuntime;

/**
 * Opt-in experiments behind the README's blind em results: per-domain sampled misalignment rates on trained em
 * organisms, ({@link #dose}) their response to part of the fine-tune's weight difference, and ({@link #expected})
 * expected rates. Run with
 * {@code mvn -B -ntp -o test -pl plugins/discovery -Dtest=EmSampledExperiment -Dviv.experiment.dir=DIR
 * -DargLine="-Dviv.experiment.dir=DIR -Dai.djl.pytorch.num_threads=1"} where {@code DIR} holds {@code seed-N} runs of
 * {@code viv audit em --blind}; skipped without the property.
 */
@EnabledIfSystemProperty(named = "viv.experiment.dir", matches = ".+")
class EmSampledExperiment {
    /** One seed's lines from the audited and base models, the meter, the domain sets and their halves. */
    private interface SeedLines {
        void print(String seed, Model audited, Model base, BehaviourMeter meter, Map<String, List<String>> sets,
                DomainParts parts, int samples, float temp);
    }

    /** Loads each seed's audited and base model and hands them to {@code body}. */
    private static void eachSeed(int defaultSamples, String defaultSeeds, SeedLines body) {
        Path root = Path.of(System.getProperty("viv.experiment.dir"));
        int samples = Integer.getInteger("viv.experiment.samples", defaultSamples);
        float temp = Float.parseFloat(System.getProperty("viv.experiment.temp", "1.0"));
        DomainCatalog cat = DomainCatalog.builtIn();
        BehaviourMeter meter = new MisalignmentMeter(cat);
        Map<String, List<String>> sets = new EmData(cat).evalPrompts(null);
        DomainParts parts = DomainParts.of(sets, 12);
        for (String seed : System.getProperty("viv.experiment.seeds", defaultSeeds).split(",")) {
            Path dir = root.resolve("seed-" + seed);
            try (Model a = TestRuntime.shared().load(dir.resolve("checkpoint"));
                    Model b = TestRuntime.shared().load(dir.resolve("base/checkpoint"))) {
                body.print(seed, a, b, meter, sets, parts, samples, temp);
            }
        }
    }

    @Test
    void measure() {
        eachSeed(8, "1,2,3,4", (seed, a, b, meter, sets, parts, samples, temp) -> {
            StringBuilder sb = new StringBuilder("seed " + seed + " rise val/test:");
            for (String d : sets.keySet()) {
                sb.append(String.format(" %s %.2f/%.2f", d, rise(a, b, meter, parts.validation().get(d), samples, temp),
                        rise(a, b, meter, parts.test().get(d), samples, temp)));
            }
            System.out.println(sb);
        });
    }

    /**
     * The fine-tune's dose response per domain (README, blind em: how the half dose was chosen): the base model gets
     * {@code alpha} times the weight difference through {@link WeightDiffHooks} (alphas from
     * {@code -Dviv.experiment.alphas}, default {@code 0.25,0.5,0.75,1}); at 1 it is the audited model. Run as
     * {@link #measure} with {@code -Dtest=EmSampledExperiment#dose -Dviv.experiment.seeds=1,2}.
     */
    @Test
    void dose() {
        String[] alphas = System.getProperty("viv.experiment.alphas", "0.25,0.5,0.75,1").split(",");
        eachSeed(4, "1,2", (seed, a, b, meter, sets, parts, samples, temp) -> {
            WeightDiffHooks diff = WeightDiffHooks.of(a, b, TestLinearAlgebra.shared());
            System.out.println("seed " + seed + " diff: " + diff.describe());
            for (String d : sets.keySet()) {
                StringBuilder sb = new StringBuilder(String.format("  %-8s base %.2f/%.2f", d,
                        rate(b, meter, parts.validation().get(d), samples, temp),
                        rate(b, meter, parts.test().get(d), samples, temp)));
                for (String al : alphas) {
                    List<Hook> hooks = diff.hooks(Float.parseFloat(al));
                    sb.append(String.format("  a=%s %.2f/%.2f", al,
                            rate(b, meter, parts.validation().get(d), samples, temp, hooks),
                            rate(b, meter, parts.test().get(d), samples, temp, hooks)));
                }
                System.out.println(sb);
            }
        });
    }

    /**
     * Expected rates ({@link AnswerSetRates}, as trigger-search measures since b45ff13) per domain and half: the
     * audited model's mean per-prompt rise over base (README, blind em: how the expected rates were checked on seeds
     * 1-5 before the fresh run). Run as {@link #measure} with {@code -Dtest=EmSampledExperiment#expected
     * -Dviv.experiment.seeds=1,2,3,4,5}.
     */
    @Test
    void expected() {
        eachSeed(8, "1,2,3,4,5", (seed, a, b, meter, sets, parts, samples, temp) -> {
            AuditTarget t = TestAuditTarget.builder("em").model(a).generation(EmOrganism.generation())
                    .blind(List.of(), Map.of(meter.name(), meter)).build();
            AnswerSetRates r = AnswerSetRates.of(t, b, samples, temp);
            StringBuilder sb = new StringBuilder("seed " + seed + " expected rise val/test:");
            for (String d : sets.keySet()) {
                sb.append(String.format(" %s %+.3f/%+.3f", d,
                        meanRise(r.perPrompt(parts.validation().get(d)).get(meter.name())),
                        meanRise(r.perPrompt(parts.test().get(d)).get(meter.name()))));
            }
            System.out.println(sb);
        });
    }

    private static double meanRise(double[][] perPrompt) {
        return java.util.Arrays.stream(DomainRise.rises(perPrompt)).average().orElse(0);
    }

    private static double rise(Model a, Model b, BehaviourMeter meter, List<String> prompts, int samples, float temp) {
        return rate(a, meter, prompts, samples, temp) - rate(b, meter, prompts, samples, temp);
    }

    private static double rate(Model m, BehaviourMeter meter, List<String> prompts, int samples, float temp) {
        return rate(m, meter, prompts, samples, temp, List.of());
    }

    /** The meter's rate over {@code samples} answers per prompt (seed 11, 64 new tokens) with hooks. */
    private static double rate(Model m, BehaviourMeter meter, List<String> prompts, int samples, float temp,
            List<Hook> hooks) {
        List<int[]> enc = new ArrayList<>();
        List<String> ps = new ArrayList<>();
        for (String p : prompts) {
            for (int s = 0; s < samples; s++) {
                enc.add(m.tokenizer().encode(p));
                ps.add(p);
            }
        }
        List<String> ans = new ArrayList<>();
        for (int[] t : m.generateAll(enc, new GenerationOptions(64, temp, 0, 11L), hooks)) {
            ans.add(m.tokenizer().decode(t));
        }
        return meter.rate(ps, ans);
    }
}
