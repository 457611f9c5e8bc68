package org.vivarium.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.runtime.TestModels;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.DjlEngine;

/** The optimiser really learns, is repeatable for a seed, and resumes exactly. */
class TrainerTest {
    private static NDManager root;
    private static final ModelConfig CFG = TestModels.smallConfig();

    @BeforeAll
    static void setUp() {
        root = DjlEngine.newManager();
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    private static TrainerConfig cfg(int steps, long seed) {
        return new TrainerConfig(steps, 8, 3e-3f, 0.1f, 5, 0.01f, 0.9f, 0.99f, 1e-8f, 1.0f, seed, 0);
    }

    private static List<Float> train(long seed, int steps) {
        List<Float> losses = new ArrayList<>();
        try (ParameterStore p = ParameterStore.initialise(CFG, seed, root)) {
            Trainer t = new Trainer(CFG, cfg(steps, seed), p);
            t.run(1, 2, new CountingTask(seed, 20, 12), (s, loss, lr, n, tok) -> losses.add(loss), null);
            int arrays = p.managedArrayCount();
            t.run(3, steps, new CountingTask(seed, 20, 12), (s, loss, lr, n, tok) -> losses.add(loss), null);
            assertEquals(arrays, p.managedArrayCount(), "training steps must not leak native arrays");
        }
        return losses;
    }

    @Test
    void lossFallsOnALearnableTask() {
        List<Float> losses = train(3, 60);
        float first = losses.get(0);
        float last = (losses.get(57) + losses.get(58) + losses.get(59)) / 3;
        assertTrue(first > 2.5f, "initial loss should be near ln(20)=3.0, was " + first);
        assertTrue(last < first * 0.5f, "loss should at least halve: " + first + " -> " + last);
    }

    @Test
    void sameSeedGivesTheSameLossCurve() {
        List<Float> a = train(11, 12);
        List<Float> b = train(11, 12);
        List<Float> c = train(12, 12);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void resumingFromSavedStateEqualsAnUninterruptedRun() {
        long seed = 5;
        int steps = 16;
        List<Float> straight = train(seed, steps);

        List<Float> resumed = new ArrayList<>();
        Map<String, Tensor> weights;
        Map<String, Tensor> moments;
        try (ParameterStore p = ParameterStore.initialise(CFG, seed, root)) {
            Trainer t = new Trainer(CFG, cfg(steps, seed), p);
            t.run(1, 8, new CountingTask(seed, 20, 12), (s, loss, lr, n, tok) -> resumed.add(loss), null);
            weights = p.toTensors();
            moments = t.optimizer().state();
        }
        try (ParameterStore p = ParameterStore.fromTensors(weights, root)) {
            Trainer t = new Trainer(CFG, cfg(steps, seed), p);
            t.optimizer().restore(moments, 8);
            t.run(9, steps, new CountingTask(seed, 20, 12), (s, loss, lr, n, tok) -> resumed.add(loss), null);
        }
        float[] a = new float[steps];
        float[] b = new float[steps];
        for (int i = 0; i < steps; i++) {
            a[i] = straight.get(i);
            b[i] = resumed.get(i);
        }
        assertArrayEquals(a, b, 1e-6f);
    }

    @Test
    void scheduleWarmsUpThenDecaysToTheFloor() {
        LrSchedule s = new LrSchedule(new TrainerConfig(100, 1, 1e-3f, 0.1f, 10, 0f, 0.9f, 0.99f, 1e-8f, 0f, 0, 0));
        assertEquals(1e-4f, s.at(1), 1e-9f);
        assertEquals(1e-3f, s.at(10), 1e-9f);
        assertTrue(s.at(50) < 1e-3f && s.at(50) > 1e-4f);
        assertEquals(1e-4f, s.at(100), 1e-9f);
    }

    @Test
    void badSettingsAreRejectedWithTheFieldName() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> new TrainerConfig(0, 8, -1f, 0.1f, 5, 0f, 0.9f, 0.99f, 1e-8f, 1f, 0, 0));
        assertTrue(e.getMessage().contains("steps=0") && e.getMessage().contains("lr="), e.getMessage());
    }
}
