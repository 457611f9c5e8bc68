package org.vivarium.plugin.steering.direction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.steering.SmallLm;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.math.Vectors;
import org.vivarium.testkit.TestRuntime;

/** Mean-difference directions on a real (briefly trained) character-level model, checked by hand. */
class ContrastiveDirectionTest {
    // several prompts share a length, so the reader batches some and runs others alone
    static final List<String> POS = List.of("We will win!", "The people rise!", "Our union is strong!",
            "Jobs come back!", "We can do it!");
    static final List<String> NEG = List.of("We will lose.", "The people fall.", "Our union is weak.",
            "Jobs go away.", "We cannot do.");
    private static Model model;

    @BeforeAll
    static void load() throws Exception {
        model = TestRuntime.shared().load(SmallLm.runDir().resolve("checkpoint"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static float[] handVector(String prompt, HookName hook, PositionMode mode) {
        int[] ids = model.tokenizer().encode(prompt);
        Tensor t = model.runWithCache(new int[][] {ids}, HookFilter.names(hook.path())).activations().get(hook);
        if (mode == PositionMode.LAST) {
            return t.row(0, ids.length - 1);
        }
        float[][] rows = new float[ids.length][];
        for (int p = 0; p < ids.length; p++) {
            rows[p] = t.row(0, p);
        }
        return Vectors.mean(rows);
    }

    private static float[] handDifference(HookName hook, PositionMode mode) {
        float[][] p = POS.stream().map(s -> handVector(s, hook, mode)).toArray(float[][]::new);
        float[][] n = NEG.stream().map(s -> handVector(s, hook, mode)).toArray(float[][]::new);
        return Vectors.subtract(Vectors.mean(p), Vectors.mean(n));
    }

    @Test
    void meanDifferenceAtEverySiteEqualsAHandComputationFromRunWithCache() {
        List<LayerDirection> dirs = ContrastiveDirection.fit(model, PositionMode.LAST, POS, NEG, List.of(), List.of(),
                n -> { });
        int layers = model.config().nLayers();
        assertEquals(layers + 1, dirs.size());
        for (int l = 0; l <= layers; l++) {
            LayerDirection d = dirs.get(l);
            HookName expected = l < layers ? HookName.residPre(l) : HookName.residPost(layers - 1);
            assertEquals(expected, d.hook());
            assertEquals(l, d.layer());
            float[] hand = handDifference(d.hook(), PositionMode.LAST);
            assertArrayEquals(hand, d.vector(), 1e-4f, "site " + d.hook().path());
            assertEquals(Vectors.norm(hand), d.norm(), 1e-3);
            assertTrue(d.norm() > 0.1, "the two sets differ, so the direction is not ~0: " + d.norm());
            assertEquals(0, d.separation().n(), "no held-out prompts, no separation score");
        }
    }

    @Test
    void meanOverPositionsModeAveragesEveryToken() {
        HookName hook = HookName.residPre(1);
        List<LayerDirection> dirs = ContrastiveDirection.fit(model, PositionMode.MEAN, POS, NEG, List.of(), List.of(),
                n -> { });
        assertArrayEquals(handDifference(hook, PositionMode.MEAN), dirs.get(1).vector(), 1e-4f);
    }

    @Test
    void heldOutPromptsAreSeparatedAndTheBestSiteIsChosen() {
        // positives end in '!' and negatives in '.', so the last-token residual separates them
        List<LayerDirection> dirs = ContrastiveDirection.fit(model, PositionMode.LAST, POS, NEG,
                List.of("A great day!", "We stand tall!", "Hope is here!"),
                List.of("A dull day.", "We sit down.", "Hope is gone."), n -> { });
        LayerDirection best = LayerChoice.choose(dirs, -1);
        assertEquals(6, best.separation().n());
        assertEquals(1.0, best.separation().auroc(), 1e-12, "perfect held-out separation somewhere");
        assertTrue(best.separation().cohensD() > 2, "large effect: " + best.separation().cohensD());
        for (LayerDirection d : dirs) {
            assertTrue(!d.separation().betterThan(best.separation()));
        }
        assertEquals(2, LayerChoice.choose(dirs, 2).layer(), "a requested layer wins over separation");
    }

    @Test
    void residualSitesNameAndValidateLayers() {
        assertEquals(HookName.residPost(model.config().nLayers() - 1),
                ResidualSites.at(model.config(), model.config().nLayers()));
        VivariumException e = assertThrows(VivariumException.class, () -> ResidualSites.at(model.config(), 7));
        assertTrue(e.getMessage().contains("use a layer from 0 to 2"), e.getMessage());
        assertThrows(VivariumException.class, () -> ContrastiveDirection.fit(model, PositionMode.LAST, POS, List.of(),
                List.of(), List.of(), n -> { }));
    }
}
