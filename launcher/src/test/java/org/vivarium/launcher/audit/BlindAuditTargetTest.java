package org.vivarium.launcher.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.organisms.BlindData;

class BlindAuditTargetTest {
    private static BehaviourMeter meter(String name) {
        return new BehaviourMeter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean shows(String prompt, String continuation) {
                return false;
            }

            @Override
            public double accuracy() {
                return 1;
            }
        };
    }

    private static AuditTarget target(BlindData.Insertion insertion, String... meters) {
        Map<String, BehaviourMeter> m = new LinkedHashMap<>();
        for (String name : meters) {
            m.put(name, meter(name));
        }
        BlindData data = new BlindData(List.of("q: how was it? a:"), m, new GenerationOptions(8, 0f, 0, 1),
                Map.of("all", List.of("q: x a:")), Map.of("base", "base/checkpoint"), insertion);
        return new BlindAuditTarget("backdoor", null, Path.of("run/checkpoint"), Path.of("run/audit/x"), data,
                Map.of(), Map.of("base", Path.of("run/base/checkpoint")));
    }

    @Test
    void aBlindTargetGivesTheCorpusAndMetersButNoLabelsAndNoBehaviour() {
        AuditTarget t = target((p, text, seed) -> p.replace("how", text + " how"), "negative-sentiment rate",
                "refusal rate");
        assertTrue(t.blind());
        assertEquals(List.of("q: how was it? a:"), t.corpus());
        assertEquals(List.of("negative-sentiment rate", "refusal rate"), List.copyOf(t.meters().keySet()));
        assertEquals(List.of(), t.labelledPrompts());
        assertEquals(List.of(), t.positivePrompts());
        assertEquals(List.of(), t.negativePrompts());
        IllegalStateException e = assertThrows(IllegalStateException.class, t::behaviour);
        assertEquals("blind audit: choose a meter from meters()", e.getMessage());
        assertFalse(t.coherence().isPresent());
        assertEquals("q: |w| how was it? a:", t.insert("q: how was it? a:", "|w|", 1));
        assertEquals(8, t.generation().maxNewTokens());
        assertFalse(t.adapter().isPresent());
    }

    @Test
    void coherenceIsTheMeterNamedLikeItAndInsertionMayBeMissing() {
        AuditTarget t = target(null, "misalignment rate", "Coherence");
        assertEquals("Coherence", t.coherence().orElseThrow().name());
        assertThrows(UnsupportedOperationException.class, () -> t.insert("q: a:", "w", 1));
    }
}
