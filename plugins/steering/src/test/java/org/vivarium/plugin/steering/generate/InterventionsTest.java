package org.vivarium.plugin.steering.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.steering.SmallLm;
import org.vivarium.plugin.steering.direction.ResidualSites;
import org.vivarium.plugin.steering.math.RandomDirection;
import org.vivarium.plugin.steering.math.Vectors;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.Meters;

/** Steering and ablation hooks on a real model: exact effects on activations and on generation. */
class InterventionsTest {
    private static Model model;
    private static float[] direction;

    @BeforeAll
    static void load() throws Exception {
        model = TestRuntime.shared().load(SmallLm.runDir().resolve("checkpoint"));
        float[] ref = new float[model.config().dModel()];
        ref[0] = 4;
        direction = RandomDirection.like(ref, 11);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int[][] tokens() {
        return new int[][] {model.tokenizer().encode("The state of our Union is strong"),
            model.tokenizer().encode("and we will keep it that way for all")};
    }

    private static String[] sitePaths() {
        return ResidualSites.all(model.config()).stream().map(HookName::path).toArray(String[]::new);
    }

    private static double maxRelativeComponent(RunResult r) {
        float[] u = Vectors.unit(direction);
        double worst = 0;
        for (String site : sitePaths()) {
            Tensor t = r.activations().get(site);
            for (int b = 0; b < t.size(0); b++) {
                for (int p = 0; p < t.size(1); p++) {
                    float[] x = t.row(b, p);
                    worst = Math.max(worst, Math.abs(Vectors.dot(x, u)) / Math.max(1, Vectors.norm(x)));
                }
            }
        }
        return worst;
    }

    @Test
    void projectingOutLeavesNoComponentAlongTheDirectionAtAnySite() {
        int[][] toks = new int[][] {tokens()[0]};
        RunResult plain = model.runWithCache(toks, HookFilter.names(sitePaths()));
        assertTrue(maxRelativeComponent(plain) > 1e-2, "the direction has a component before ablation");
        RunResult ablated = model.run(toks, DirectionalAblation.hooks(model, direction), HookFilter.names(sitePaths()));
        assertEquals(model.config().nLayers() + 1, DirectionalAblation.hooks(model, direction).size());
        assertTrue(maxRelativeComponent(ablated) < 1e-5, "residual component left: " + maxRelativeComponent(ablated));
    }

    @Test
    void addingShiftsTheResidualByExactlyCoefficientTimesDirection() {
        HookName site = HookName.residPre(1);
        int[][] toks = new int[][] {tokens()[0]};
        Tensor before = model.runWithCache(toks, HookFilter.names(site.path())).activations().get(site);
        Tensor after = model.run(toks, List.of(SteeringSweep.hook(site, direction, 2.5)), HookFilter.names(site.path()))
                .activations().get(site);
        for (int p = 0; p < toks[0].length; p++) {
            float[] shift = Vectors.subtract(after.row(0, p), before.row(0, p));
            assertArrayEquals(Vectors.scale(direction, 2.5), shift, 1e-4f, "position " + p);
        }
    }

    @Test
    void coefficientZeroReproducesUnsteeredGenerationExactly() {
        int[] prompt = tokens()[0];
        HookName site = HookName.residPre(1);
        for (GenerationOptions opts : List.of(GenerationOptions.greedy(30), new GenerationOptions(30, 0.9f, 0, 5))) {
            int[] plain = model.generate(prompt, opts, List.of());
            int[] zero = model.generate(prompt, opts, List.of(SteeringSweep.hook(site, direction, 0)));
            assertArrayEquals(plain, zero, "options " + opts);
        }
        int[] pushed = model.generate(prompt, GenerationOptions.greedy(30),
                List.of(SteeringSweep.hook(site, Vectors.scale(direction, 10), 8)));
        assertFalse(java.util.Arrays.equals(model.generate(prompt, GenerationOptions.greedy(30), List.of()), pushed),
                "a large push changes the text, so the hook is really applied");
    }

    @Test
    void sweepMeasuresEveryCoefficientAndItsZeroPointIsThePlainRate() {
        BehaviourMeter meter = Meters.of("letter-e rate", (prompt, continuation) -> continuation.indexOf('e') >= 0);
        List<String> prompts = List.of("The state of", "We will", "Our nation");
        GenerationOptions opts = GenerationOptions.greedy(12);
        int[] calls = new int[1];
        List<SweepPoint> sweep = new SteeringSweep(model, opts, meter).run(HookName.residPre(1), direction,
                List.of(0.0, 3.0), prompts, n -> calls[0] += (int) n);
        assertEquals(6, calls[0]);
        assertEquals(List.of(0.0, 3.0), sweep.stream().map(SweepPoint::coefficient).toList());
        List<String> plain = prompts.stream().map(p -> Continuations.of(model, p, opts, List.of()).text()).toList();
        assertEquals(plain, sweep.get(0).sample().continuations(), "batched greedy decoding = one prompt at a time");
        assertEquals(meter.rate(prompts, plain), sweep.get(0).sample().rate(), 1e-12);
        assertEquals(Coherence.of(plain), sweep.get(0).sample().coherence(), 1e-12);
        List<Continuation> plainConts = prompts.stream().map(p -> Continuations.of(model, p, opts, List.of())).toList();
        assertEquals(ContinuationLoss.of(model, plainConts), sweep.get(0).sample().loss(), 1e-9,
                "the unsteered model's nats per generated token, recomputed");
        List<String> steered = Continuations.of(model, prompts, opts,
                List.of(SteeringSweep.hook(HookName.residPre(1), direction, 3.0)), n -> { }).stream()
                .map(Continuation::text).toList();
        assertEquals(steered, sweep.get(1).sample().continuations(), "the c=3 point is the steered decoding");
        AblationResult a = new DirectionalAblation(model, opts, meter).run(direction, prompts, 1, n -> { });
        assertEquals(plain, a.unablated().continuations());
        List<String> ablated = Continuations.of(model, prompts, opts, DirectionalAblation.hooks(model, direction),
                n -> { }).stream().map(Continuation::text).toList();
        assertEquals(ablated, a.ablated().continuations(), "projected out of every residual site");
        assertEquals(meter.rate(prompts, ablated), a.ablated().rate(), 1e-12);
        List<String> random = Continuations.of(model, prompts, opts,
                DirectionalAblation.hooks(model, RandomDirection.like(direction, 1)), n -> { }).stream()
                .map(Continuation::text).toList();
        assertEquals(random, a.randomAblated().continuations(), "the seeded equal-norm random control");
    }

    @Test
    void batchedGreedyDecodingMatchesModelGenerateUnderHooks() {
        List<String> prompts = List.of("We", "The state of our Union", "Tonight I", "And so", "Our economy is growing");
        GenerationOptions opts = GenerationOptions.greedy(15);
        List<Hook> hooks = List.of(SteeringSweep.hook(HookName.residPre(1), direction, 1.5));
        List<Continuation> batched = Continuations.of(model, prompts, opts, hooks, n -> { });
        for (int i = 0; i < prompts.size(); i++) {
            Continuation alone = Continuations.of(model, prompts.get(i), opts, hooks);
            assertArrayEquals(alone.generated(), batched.get(i).generated(), prompts.get(i));
            assertEquals(alone.text(), batched.get(i).text());
        }
    }

    @Test
    void continuationLossIsTheModelsCrossEntropyOnTheGeneratedTokens() {
        Continuation c = Continuations.of(model, "The state of our Union", GenerationOptions.greedy(12), List.of());
        int[] all = new int[c.prompt().length + c.generated().length];
        System.arraycopy(c.prompt(), 0, all, 0, c.prompt().length);
        System.arraycopy(c.generated(), 0, all, c.prompt().length, c.generated().length);
        Tensor logits = model.runWithHooks(new int[][] {all}, List.of());
        double sum = 0;
        for (int t = c.prompt().length; t < all.length; t++) {
            float[] l = logits.row(0, t - 1);
            double z = 0;
            for (float v : l) {
                z += Math.exp(v);
            }
            sum += Math.log(z) - l[all[t]];
        }
        assertEquals(sum / c.generated().length, ContinuationLoss.of(model, List.of(c)), 1e-4);
    }

    @Test
    void coherenceCountsOrdinaryCharacters() {
        assertEquals(1.0, Coherence.of(List.of("Hello, world!")), 1e-12);
        assertEquals(0.5, Coherence.of(List.of("ab", "#$")), 1e-12);
        assertTrue(Double.isNaN(Coherence.of(List.of(""))));
    }
}
