package org.vivarium.api.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injections are values (copied vectors, equality by content) and plain examples carry none. */
class InjectionTest {

    @Test
    void vectorIsCopiedInAndOutAndComparedByContent() {
        float[] v = {1f, -2f, 3f};
        Injection a = new Injection("blocks.0.hook_resid_post", 0, v);
        v[0] = 99f;
        float[] out = a.vector();
        out[1] = 99f;
        assertArrayEquals(new float[] {1f, -2f, 3f}, a.vector(), "neither the caller's array nor the result alias it");
        Injection b = new Injection("blocks.0.hook_resid_post", 0, new float[] {1f, -2f, 3f});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new Injection("blocks.0.hook_resid_post", 1, new float[] {1f, -2f, 3f}));
        assertNotEquals(a, new Injection("blocks.0.hook_resid_post", 0, new float[] {1f, -2f, 4f}));
    }

    @Test
    void badValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Injection(" ", 0, new float[] {1f}));
        assertThrows(IllegalArgumentException.class, () -> new Injection("hook_embed", -1, new float[] {1f}));
        assertThrows(IllegalArgumentException.class, () -> new Injection("hook_embed", 0, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> new Injection("hook_embed", 0, new float[] {Float.NaN}));
    }

    @Test
    void plainExamplesHaveNoInjectionsAndInjectedOnesKeepACopy() {
        TrainingExample plain = new TrainingExample("q:", " a\n");
        assertTrue(plain.injections().isEmpty());
        assertFalse(plain.isInjected());
        assertEquals(plain, new TrainingExample("q:", " a\n", null));

        List<Injection> list = new ArrayList<>(List.of(new Injection("hook_embed", 0, new float[] {1f})));
        TrainingExample injected = new TrainingExample("#q:", " a\n", list);
        list.clear();
        assertTrue(injected.isInjected());
        assertEquals(1, injected.injections().size());
        assertNotEquals(plain, injected);
    }
}
