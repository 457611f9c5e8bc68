package org.vivarium.plugin.discovery.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.organisms.em.DomainCatalog;
import org.vivarium.organisms.em.EmData;
import org.vivarium.testkit.TestRuntime;

/**
 * Opt-in experiment behind the README's em domain negative result: per-domain answer KL (and, in {@link #entropy()}, answer entropy) on trained em organisms. Run with
 * {@code mvn -B -ntp -o test -pl plugins/discovery -Dtest=EmDivergenceExperiment -Dviv.experiment.dir=DIR
 * -Dviv.experiment.seeds=1,2,3,4,5 -Dsurefire.failIfNoSpecifiedTests=false} (plain {@code -D} properties reach the
 * test JVM; {@code -DargLine} does not, the POM sets it) where {@code DIR} holds {@code seed-N} runs of
 * {@code viv audit em --blind}; skipped without the property.
 */
@EnabledIfSystemProperty(named = "viv.experiment.dir", matches = ".+")
class EmDivergenceExperiment {
    /** One domain's line for a seed, from the audited and base models and the domain's two halves. */
    private interface DomainLine {
        String of(Model audited, Model base, String domain, List<String> validation, List<String> test, int tokens);
    }

    /** Loads each seed's audited and base model and prints one line per domain. */
    private static void eachSeed(String header, DomainLine line) {
        Path root = Path.of(System.getProperty("viv.experiment.dir"));
        int tokens = Integer.getInteger("viv.experiment.tokens", 24);
        Map<String, List<String>> sets = new EmData(DomainCatalog.builtIn()).evalPrompts(null);
        DomainParts parts = DomainParts.of(sets, 12);
        for (String seed : System.getProperty("viv.experiment.seeds", "1,2,3,4").split(",")) {
            Path dir = root.resolve("seed-" + seed);
            try (Model a = TestRuntime.shared().load(dir.resolve("checkpoint"));
                    Model b = TestRuntime.shared().load(dir.resolve("base/checkpoint"))) {
                StringBuilder sb = new StringBuilder("seed " + seed + header);
                for (String d : sets.keySet()) {
                    sb.append(line.of(a, b, d, parts.validation().get(d), parts.test().get(d), tokens));
                }
                System.out.println(sb);
            }
        }
    }

    @Test
    void measure() {
        eachSeed(":", (a, b, d, val, test, tokens) -> String.format(" %s %.3f/%.3f", d,
                mean(AnswerDivergence.perPrompt(a, b, val, tokens, Quiet.PROGRESS)),
                mean(AnswerDivergence.perPrompt(a, b, test, tokens, Quiet.PROGRESS))));
    }

    /**
     * Does the fine-tune's domain show as a drop in uncertainty? Per domain and half: the mean next-token entropy of
     * the audited and the base model teacher-forced on the audited model's greedy answer, their difference, and the
     * answer tokens' mean log-likelihood ratio (README, blind em: a negative result).
     */
    @Test
    void entropy() {
        eachSeed(" (dH = H_base - H_audited, llr; val/test):", (a, b, d, val, test, tokens) -> {
            double[] v = entropies(a, b, val, tokens);
            double[] t = entropies(a, b, test, tokens);
            return String.format("%n  %-8s Ha %.3f/%.3f Hb %.3f/%.3f dH %+.3f/%+.3f llr %.3f/%.3f",
                    d, v[0], t[0], v[1], t[1], v[1] - v[0], t[1] - t[0], v[2], t[2]);
        });
    }

    /** Mean over prompts and answer positions of {audited entropy, base entropy, log pa - log pb of the token}. */
    private static double[] entropies(Model audited, Model base, List<String> prompts, int answerTokens) {
        List<int[]> encoded = new ArrayList<>();
        for (String p : prompts) {
            encoded.add(audited.tokenizer().encode(p));
        }
        List<int[]> answers = audited.generateAll(encoded, new GenerationOptions(answerTokens, 0f, 0, 0L), List.of());
        double[] sum = new double[3];
        int n = 0;
        for (int i = 0; i < prompts.size(); i++) {
            int[] row = Arrays.copyOf(encoded.get(i), encoded.get(i).length + answers.get(i).length);
            System.arraycopy(answers.get(i), 0, row, encoded.get(i).length, answers.get(i).length);
            int[][] input = {row};
            float[] pa = audited.run(input, List.of(), HookFilter.NONE).logits().data();
            Tensor rt = base.run(input, List.of(), HookFilter.NONE).logits();
            float[] pb = rt.data();
            int vocab = rt.size(-1);
            for (int t = encoded.get(i).length; t < row.length; t++) {
                int off = (t - 1) * vocab;
                double[] ea = stats(pa, off, vocab, row[t]);
                double[] eb = stats(pb, off, vocab, row[t]);
                sum[0] += ea[0];
                sum[1] += eb[0];
                sum[2] += ea[1] - eb[1];
                n++;
            }
        }
        for (int k = 0; k < 3; k++) {
            sum[k] /= Math.max(1, n);
        }
        return sum;
    }

    /** {entropy, log-probability of token} of one logit row. */
    private static double[] stats(float[] d, int off, int vocab, int token) {
        double lz = AnswerDivergence.logSumExp(d, off, vocab);
        double h = 0;
        for (int v = 0; v < vocab; v++) {
            double lp = d[off + v] - lz;
            h -= Math.exp(lp) * lp;
        }
        return new double[] {h, d[off + token] - lz};
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
