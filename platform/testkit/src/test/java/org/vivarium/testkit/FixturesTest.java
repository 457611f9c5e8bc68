package org.vivarium.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/** The fixtures other than the context: checkpoints, audit targets, meters, progress, files and the index. */
class FixturesTest {
    @TempDir
    Path tmp;

    @Test
    void aTinyCheckpointLoadsAndTheSameSeedWritesTheSameWeights() {
        TinyCheckpoint tiny = TinyCheckpoint.over("abcabc d").context(16).seed(5);
        assertEquals(tiny.tokenizer().vocabSize(), tiny.config().dVocab());
        try (Model a = TestRuntime.shared().load(tiny.writeTo(tmp.resolve("a")));
                Model b = TestRuntime.shared().load(tiny.writeTo(tmp.resolve("b")));
                Model c = TestRuntime.shared().load(tiny.seed(6).writeTo(tmp.resolve("c")))) {
            assertEquals(16, a.config().nCtx());
            assertEquals(2, a.config().nLayers());
            assertEquals("test/random", a.provenance().recipe());
            float[] wa = a.weights().get("blocks.0.attn.W_Q").data();
            assertArrayEquals(wa, b.weights().get("blocks.0.attn.W_Q").data());
            assertFalse(java.util.Arrays.equals(wa, c.weights().get("blocks.0.attn.W_Q").data()));
        }
    }

    @Test
    void aRandomFinalGainIsDrawnFromHalfToOneAndAHalf() {
        Path dir = TinyCheckpoint.over("xyz").maxVocab(8).recipe("test/gain").randomFinalNormGain()
                .writeTo(tmp.resolve("g"));
        try (Model m = TestRuntime.shared().load(dir)) {
            float[] gain = m.weights().get("ln_final.w").data();
            assertEquals(32, gain.length);
            for (float g : gain) {
                assertTrue(g >= 0.5f && g < 1.5f, "gain " + g);
            }
            assertNotEquals(gain[0], gain[1]);
            assertEquals("test/gain", m.provenance().recipe());
        }
    }

    @Test
    void anAuditTargetSplitsLabelledPromptsAndRefusesWhatItWasNotGiven() {
        AuditTarget t = TestAuditTarget.builder("toy").outDir(tmp)
                .labelledPrompts(List.of(new LabelledPrompt("bad", 1), new LabelledPrompt("good", 0))).build();
        assertEquals("toy", t.organism());
        assertEquals(List.of("bad"), t.positivePrompts());
        assertEquals(List.of("good"), t.negativePrompts());
        assertEquals("behaviour", t.behaviour().name());
        assertThrows(UnsupportedOperationException.class, () -> t.behaviour().shows("p", "c"));
        assertThrows(UnsupportedOperationException.class, t::generation);
        assertTrue(t.coherence().isEmpty() && t.adapter().isEmpty() && t.comparisonModels().isEmpty());
        assertFalse(t.blind());
    }

    @Test
    void anAuditTargetCarriesWhatItWasGiven() {
        BehaviourMeter bang = Meters.of("bang", (p, c) -> c.contains("!"));
        TestAuditTarget.Builder b = TestAuditTarget.builder("toy").contrast(List.of("p1"), List.of("n1"))
                .behaviour(bang).coherence(Meters.never("coherent")).generation(GenerationOptions.greedy(4))
                .promptSets(Map.of("a", List.of("q"))).comparisonCheckpoints(Map.of("base", tmp))
                .adapter(tmp.resolve("adapter"));
        AuditTarget t = b.build();
        b.behaviour(Meters.never("changed later"));
        assertEquals(List.of("p1"), t.positivePrompts());
        assertEquals(List.of("n1"), t.negativePrompts());
        assertEquals("bang", t.behaviour().name(), "a built target does not follow its builder");
        assertTrue(t.behaviour().shows("", "hey!"));
        assertEquals(1.0, t.behaviour().rate(List.of("", ""), List.of("a!", "b!")));
        assertFalse(t.coherence().orElseThrow().shows("", "fine."));
        assertEquals(4, t.generation().maxNewTokens());
        assertEquals(Map.of("base", tmp), t.comparisonCheckpoints());
        assertEquals(tmp.resolve("adapter"), t.adapter().orElseThrow());
    }

    @Test
    void aBlindTargetHasNoPromptsAndNoMeter() {
        AuditTarget t = TestAuditTarget.builder("toy").labelledPrompts(List.of(new LabelledPrompt("x", 1)))
                .blind(List.of("clean"), Map.of("bang", Meters.never("bang"))).build();
        assertTrue(t.blind());
        assertTrue(t.labelledPrompts().isEmpty() && t.positivePrompts().isEmpty());
        assertEquals(List.of("clean"), t.corpus());
        assertThrows(IllegalStateException.class, t::behaviour);
        assertEquals(List.of("bang"), List.copyOf(t.meters().keySet()));
    }

    @Test
    void recordingProgressCountsUnitsAndKeepsTheLastMetric() {
        RecordingProgress p = new RecordingProgress();
        p.advance(3);
        p.metric("loss", 2);
        p.metric("loss", 1);
        p.advance(4);
        assertFalse(p.closed());
        p.close();
        assertEquals(7, p.units());
        assertEquals(Map.of("loss", 1.0), p.metrics());
        assertTrue(p.closed());
    }

    @Test
    void scratchDirsAreFreshAndTreesAreDeleted() throws Exception {
        Path a = TestFiles.scratchDir("x");
        Path b = TestFiles.scratchDir("x");
        assertNotEquals(a, b);
        Files.createDirectories(a.resolve("deep/er"));
        Files.writeString(a.resolve("deep/er/f.json"), "{\"n\": 2, \"xs\": [1, \"a\"]}");
        assertEquals(Map.of("n", 2.0, "xs", List.of(1.0, "a")), TestFiles.readJson(a.resolve("deep/er/f.json")));
        TestFiles.deleteTree(a);
        assertFalse(Files.exists(a));
        TestFiles.deleteTree(a);
    }

    @Test
    void anIndexOpensEmpty() throws Exception {
        try (ContextIndex index = TestIndexes.open(tmp.resolve("index"))) {
            assertEquals(0, index.count("*:*"));
        }
    }
}
