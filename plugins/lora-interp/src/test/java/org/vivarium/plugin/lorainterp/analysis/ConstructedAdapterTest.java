package org.vivarium.plugin.lorainterp.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.index.SearchResults;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.plugin.lorainterp.Residuals;
import org.vivarium.plugin.lorainterp.TinyLm;
import org.vivarium.plugin.lorainterp.contexts.ContextPublisher;
import org.vivarium.plugin.lorainterp.math.Vectors;
import org.vivarium.plugin.lorainterp.pass.Corpus;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TestIndexes;

/**
 * Adapters whose factors are set by hand on a real (random, seeded) 2-layer model: everything the analysis
 * reports is checked against values computed here by brute force from {@code runWithCache} and the weights.
 */
class ConstructedAdapterTest {
    private static final String W_OUT = "blocks.1.mlp.W_out";
    private static final float ALPHA = 2f;

    @TempDir
    static Path tmp;

    private static DjlModelRuntime rt;
    private static Path base;
    private static float[] a;
    private static float[] b;
    private static Model model;
    private static LoraAnalysis analysis;

    @BeforeAll
    static void analyse() {
        rt = TestRuntime.shared();
        base = TinyLm.writeBase(tmp.resolve("base"), 3);
        a = TinyLm.gaussian(64, 5);
        b = TinyLm.gaussian(32, 6);
        Path adapter = TinyLm.writeAdapter(tmp.resolve("adapter"), W_OUT, ALPHA, a, b, base);
        List<LoraFactor> factors = rt.readAdapter(adapter);
        model = rt.load(base);
        analysis = analyse(factors, model);
    }

    private static LoraAnalysis analyse(List<LoraFactor> factors, Model m) {
        return new LoraAnalyzer(LoraInterpSettings.defaults()).analyze(new LoraInputs(factors, Optional.of(m),
                Optional.empty(), Corpus.of(TinyLm.POSITIVE, TinyLm.NEGATIVE, List.of()), Optional.empty(), "tiny",
                "test"), LocalMethodContext.in(tmp));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static double norm(float[] v) {
        return Vectors.norm(Residuals.widen(v));
    }

    @Test
    void recoversTheDirectionsAndTheSingularValue() {
        TargetAnalysis t = analysis.targets().get(0);
        assertEquals(W_OUT, t.target());
        assertEquals(1, t.rank());
        assertEquals(ALPHA, t.scale(), 1e-9);
        assertEquals(ALPHA * norm(a) * norm(b), t.spectrum().sigma()[0], 1e-5 * t.spectrum().sigma()[0]);
        assertEquals(1, Math.abs(Residuals.cosine(t.outputDirection(), Residuals.widen(b))), 1e-9);
        assertEquals(1, Math.abs(Residuals.cosine(t.inputDirection(), Residuals.widen(a))), 1e-9);
        assertEquals(1, t.spectrum().topEnergyFraction(), 1e-12);
        assertEquals("blocks.1.hook_resid_post", t.site().orElseThrow().output().path());
    }

    @Test
    void outputMagnitudeIsTheMeanLengthOfWhatTheAdapterAddsPerPosition() {
        // rank 1: x dW = ALPHA (x . a) b, so its length is ALPHA |b| |x . a|, averaged over every token
        double sum = 0;
        int n = 0;
        for (List<String> prompts : List.of(TinyLm.POSITIVE, TinyLm.NEGATIVE)) {
            for (String p : prompts) {
                for (double v : Residuals.projections(model, p, "blocks.1.mlp.hook_post", a)) {
                    sum += Math.abs(v);
                    n++;
                }
            }
        }
        double expected = ALPHA * norm(b) * sum / n;
        double got = analysis.targets().get(0).outputMagnitude();
        assertEquals(expected, got, 1e-4 * expected);
        assertTrue(got > 0);
    }

    /**
     * The sign the orientation rule must give {@code (a, b)}: the mean difference's if the cosine is above the
     * random percentile, else that of the mean {@code x . a} over positive prompts' tokens.
     */
    private static int expectedSign(double cosWithMeanDifference, double chance) {
        if (Math.abs(cosWithMeanDifference) > chance) {
            return (int) Math.signum(cosWithMeanDifference);
        }
        double sum = 0;
        int n = 0;
        for (String p : TinyLm.POSITIVE) {
            for (double v : Residuals.projections(model, p, "blocks.1.mlp.hook_post", a)) {
                sum += v;
                n++;
            }
        }
        return (int) Math.signum(sum / n);
    }

    @Test
    void cosineIsWithTheMeanDifferenceAtTheOutputSiteAndTheSignFollowsTheRule() {
        TargetAnalysis t = analysis.targets().get(0);
        double[] md = Residuals.meanDifference(model, TinyLm.POSITIVE, TinyLm.NEGATIVE, "blocks.1.hook_resid_post");
        double raw = Residuals.cosine(Residuals.widen(b), md);
        assertTrue(t.randomQuantile() > 0.2 && t.randomQuantile() < 0.7,
                "p99 of |cos| with random directions in 32 dimensions: " + t.randomQuantile());
        int sign = expectedSign(raw, t.randomQuantile());
        assertEquals(sign, Math.signum(Residuals.cosine(t.outputDirection(), Residuals.widen(b))), 0,
                "rule: " + t.orientation().rule() + ", raw cos " + raw);
        assertEquals(sign, t.columns().get(0).orientation().sign(), "b_0 is b: same rule, same sign");
        assertEquals(sign * raw, t.cosMeanDifference(), 1e-6);
        assertEquals(3, t.cosineBySite().length, "embeddings, after block 0, after block 1");
        assertEquals(t.cosMeanDifference(), t.cosineBySite()[2], 1e-12);
        double[] md0 = Residuals.meanDifference(model, TinyLm.POSITIVE, TinyLm.NEGATIVE, "blocks.0.hook_resid_pre");
        assertEquals(sign * Residuals.cosine(Residuals.widen(b), md0), t.cosineBySite()[0], 1e-6);
        assertEquals(t.aligned(0.3), Math.abs(raw) >= 0.3 && Math.abs(raw) > t.randomQuantile());
    }

    @Test
    void unembeddingTopTokensMatchABruteForceProjection() {
        TargetAnalysis t = analysis.targets().get(0);
        Tensor wu = model.weights().get("unembed.W_U");
        float[] gain = model.weights().get("ln_final.w").data();
        double[] v = t.outputDirection();
        double mean = IntStream.range(0, v.length).mapToDouble(i -> v[i]).average().orElseThrow();
        int vocab = wu.size(1);
        double[] logits = new double[vocab];
        for (int j = 0; j < vocab; j++) {
            for (int i = 0; i < v.length; i++) {
                logits[j] += (v[i] - mean) * gain[i] * wu.get(i, j);
            }
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, vocab).boxed().toList());
        order.sort(Comparator.comparingDouble(j -> -logits[j]));
        var u = t.unembed().orElseThrow();
        assertEquals(10, u.promoted().size());
        for (int i = 0; i < 10; i++) {
            assertEquals(order.get(i), u.promoted().get(i).id());
            assertEquals(logits[order.get(i)], u.promoted().get(i).logit(), 1e-5);
            assertEquals(order.get(vocab - 1 - i), u.suppressed().get(i).id());
        }
        assertEquals(model.tokenizer().tokenText(order.get(0)), u.promoted().get(0).text());
    }

    @Test
    void inputActivationsAreXDotAFromRunWithCache() {
        TargetAnalysis t = analysis.targets().get(0);
        ColumnStats c = t.columns().get(0);
        int s = c.orientation().sign();
        double[] md = Residuals.meanDifference(model, TinyLm.POSITIVE, TinyLm.NEGATIVE, "blocks.1.hook_resid_post");
        assertEquals(expectedSign(Residuals.cosine(Residuals.widen(b), md), t.randomQuantile()), s);
        double[] maxPos = new double[TinyLm.POSITIVE.size()];
        double[] maxNeg = new double[TinyLm.NEGATIVE.size()];
        double sum = 0;
        int n = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < 16; p++) {
            boolean pos = p < 8;
            String prompt = pos ? TinyLm.POSITIVE.get(p) : TinyLm.NEGATIVE.get(p - 8);
            double[] x = Residuals.projections(model, prompt, "blocks.1.mlp.hook_post", a);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                max = Math.max(max, s * v);
                if (pos) {
                    sum += s * v;
                    n++;
                }
            }
            if (pos) {
                maxPos[p] = max;
            } else {
                maxNeg[p - 8] = max;
            }
            best = Math.max(best, max);
        }
        assertEquals(sum / n, c.meanPositive(), 1e-4 * Math.max(1, Math.abs(sum / n)));
        assertEquals(pairwiseAuroc(maxPos, maxNeg), c.auroc(), 1e-12);
        List<ContextRecord> contexts = analysis.contexts();
        assertEquals(16, contexts.size(), "one context per prompt (fewer than 20 prompts)");
        assertEquals(best, contexts.get(0).activation(), 1e-4 * Math.max(1, Math.abs(best)));
        for (ContextRecord r : contexts) {
            assertEquals("lora/blocks.1.mlp.W_out/0", r.feature());
            assertEquals("blocks.1.mlp.hook_post", r.hook());
            assertEquals(1, r.layer());
            assertTrue(TinyLm.POSITIVE.stream().anyMatch(p -> p.contains(r.text()))
                    || TinyLm.NEGATIVE.stream().anyMatch(p -> p.contains(r.text())), r.text());
        }
    }

    @Test
    void contextsAreSearchableInALuceneIndexByFeatureId() {
        List<ContextRecord> contexts = analysis.contexts();
        try (ContextIndex index = TestIndexes.open(tmp.resolve("index"))) {
            LocalMethodContext ctx = LocalMethodContext.in(tmp);
            String line = ContextPublisher.publish(Optional.of(index), contexts, ctx.out());
            assertTrue(line.startsWith("added 16 contexts"), line);
            assertEquals(16, index.count("feature:lora/blocks.1.mlp.W_out/0"));
            assertEquals(16, index.count("feature:lora/*"));
            SearchResults top = index.search("feature:lora/blocks.1.mlp.W_out/0", SearchOptions.defaults().withTop(1));
            assertEquals(contexts.get(0).activation(), top.hits().get(0).record().activation(), 0);
            assertEquals(contexts.get(0).firingToken(), top.hits().get(0).record().firingToken());
        }
    }

    @Test
    void attentionOutputAdapterReadsTheHeadsFlattened() {
        float[] ao = TinyLm.gaussian(32, 7);
        float[] bo = TinyLm.gaussian(32, 8);
        Path dir = TinyLm.writeAdapter(tmp.resolve("w_o"), "blocks.0.attn.W_O", 1f, ao, bo, base);
        LoraAnalysis x = analyse(rt.readAdapter(dir), model);
        TargetAnalysis t = x.targets().get(0);
        assertEquals("blocks.0.attn.hook_z", t.site().orElseThrow().input().path());
        assertEquals("blocks.0.hook_resid_post", t.site().orElseThrow().output().path());
        int s = t.columns().get(0).orientation().sign();
        double max = Double.NEGATIVE_INFINITY;
        for (String p : TinyLm.POSITIVE) {
            for (double v : Residuals.projections(model, p, "blocks.0.attn.hook_z", ao)) {
                max = Math.max(max, s * v);
            }
        }
        for (String p : TinyLm.NEGATIVE) {
            for (double v : Residuals.projections(model, p, "blocks.0.attn.hook_z", ao)) {
                max = Math.max(max, s * v);
            }
        }
        assertEquals(max, x.contexts().get(0).activation(), 1e-4 * Math.max(1, Math.abs(max)));
        assertTrue(t.unembed().isPresent());
    }

    @Test
    void queryAdapterIsComparedAtItsOutputHookWithoutUnembedding() {
        float[] aq = TinyLm.gaussian(32, 9);
        float[] bq = TinyLm.gaussian(32, 10);
        Path dir = TinyLm.writeAdapter(tmp.resolve("w_q"), "blocks.1.attn.W_Q", 1f, aq, bq, base);
        TargetAnalysis t = analyse(rt.readAdapter(dir), model).targets().get(0);
        double[] md = Residuals.meanDifference(model, TinyLm.POSITIVE, TinyLm.NEGATIVE, "blocks.1.attn.hook_q");
        double raw = Residuals.cosine(Residuals.widen(bq), md);
        double sign = Math.signum(Residuals.cosine(t.outputDirection(), Residuals.widen(bq)));
        assertEquals(sign * raw, t.cosMeanDifference(), 1e-6);
        assertFalse(t.unembed().isPresent(), "queries are not in the residual stream");
        assertArrayEquals(new double[0], t.cosineBySite());
    }

    /** The AUROC by its definition: the share of (positive, negative) pairs the positive wins, ties counting half. */
    private static double pairwiseAuroc(double[] pos, double[] neg) {
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.length * neg.length);
    }
}
