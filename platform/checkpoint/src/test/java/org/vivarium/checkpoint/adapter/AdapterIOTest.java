package org.vivarium.checkpoint.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.safetensors.SafetensorsWriter;

/** Adapters round-trip through disk, live beside checkpoints, and bad files are explained. */
class AdapterIOTest {
    private static final ModelConfig CFG = AdapterFixtures.model();
    private static final List<String> TARGETS = List.of("blocks.0.attn.W_Q", "blocks.1.mlp.W_out");

    @TempDir
    Path tmp;

    @Test
    void roundTripsInsideACheckpointWithoutDisturbingIt() throws IOException {
        Path dir = tmp.resolve("ck");
        Checkpoint ck = AdapterFixtures.checkpoint(CFG, 1);
        CheckpointIO.write(dir, ck);
        String hash = CheckpointIO.contentHash(dir);
        Adapter a = AdapterFixtures.adapter(CFG, 3, 6f, TARGETS, hash, 2);
        AdapterIO.write(dir, a);

        assertTrue(AdapterIO.hasAdapter(dir));
        Adapter back = AdapterIO.readFor(dir, CFG, hash);
        assertEquals(a.config(), back.config());
        assertEquals(a.tensors().keySet(), back.tensors().keySet());
        for (String k : a.tensors().keySet()) {
            assertArrayEquals(a.tensors().get(k).data(), back.tensors().get(k).data(), 0f, k);
            assertArrayEquals(a.tensors().get(k).shape(), back.tensors().get(k).shape(), k);
        }
        assertEquals(2f, back.config().scale());
        assertEquals(hash, CheckpointIO.contentHash(dir));
        assertEquals(ck.weights().keySet(), CheckpointIO.read(dir).weights().keySet());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "temp files left");
        }
    }

    @Test
    void rejectsAnAdapterForAnotherBaseOrModel() {
        Path dir = tmp.resolve("own");
        AdapterIO.write(dir, AdapterFixtures.adapter(CFG, 1, 1f, TARGETS, "sha256:aaa", 2));
        VivariumException base = assertThrows(VivariumException.class,
                () -> AdapterIO.readFor(dir, CFG, "sha256:bbb"));
        assertTrue(base.getMessage().contains("sha256:aaa") && base.getMessage().contains("sha256:bbb"),
                base.getMessage());
        ModelConfig wider = ModelConfig.builder().nLayers(2).dModel(16).nHeads(2).dHead(4).dMlp(12).dVocab(10)
                .nCtx(6).build();
        VivariumException shape = assertThrows(VivariumException.class,
                () -> AdapterIO.readFor(dir, wider, "sha256:aaa"));
        assertTrue(shape.getMessage().contains("blocks.0.attn.W_Q") && shape.getMessage().contains("16x8"),
                shape.getMessage());
    }

    @Test
    void tensorsNotMatchingTheConfigAreReported() {
        Path dir = tmp.resolve("bad");
        AdapterIO.write(dir, AdapterFixtures.adapter(CFG, 1, 1f, List.of("blocks.0.mlp.W_in"), "", 2));
        SafetensorsWriter.write(dir.resolve(AdapterIO.ADAPTER_FILE), Map.of(
                "blocks.0.mlp.W_in.lora_A", Tensor.zeros(8, 2), "blocks.0.mlp.W_in.lora_B", Tensor.zeros(2, 12)),
                Map.of());
        VivariumException e = assertThrows(VivariumException.class, () -> AdapterIO.read(dir));
        assertTrue(e.getMessage().contains("lora_A has shape [8, 2], expected [in, 1]"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void filesFromTwoDifferentSavesAreDetected() {
        Path dir = tmp.resolve("mixed");
        AdapterIO.write(dir, AdapterFixtures.adapter(CFG, 1, 1f, TARGETS, "", 2));
        AdapterConfigJson.write(dir.resolve(AdapterIO.CONFIG_FILE), new AdapterConfig(1, 2f, TARGETS, ""));
        VivariumException e = assertThrows(VivariumException.class, () -> AdapterIO.read(dir));
        assertTrue(e.getMessage().contains("does not belong with"), e.getMessage());
    }

    @Test
    void missingAndMalformedFilesAreExplained() throws IOException {
        Path dir = tmp.resolve("broken");
        VivariumException none = assertThrows(VivariumException.class, () -> AdapterIO.read(dir));
        assertTrue(none.getMessage().contains("no LoRA adapter directory"), none.getMessage());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(AdapterIO.CONFIG_FILE),
                "{\"format\":\"vivarium-lora\",\"version\":1,\"rank\":\"one\",\"alpha\":true,\"targets\":[3]}");
        VivariumException half = assertThrows(VivariumException.class, () -> AdapterIO.read(dir));
        assertTrue(half.getMessage().contains("no adapter.safetensors"), half.getMessage());
        assertFalse(AdapterIO.hasAdapter(dir));
        VivariumException bad = assertThrows(VivariumException.class,
                () -> AdapterConfigJson.read(dir.resolve(AdapterIO.CONFIG_FILE)));
        String msg = bad.getMessage();
        assertTrue(msg.contains("rank must be an integer") && msg.contains("alpha must be a number")
                && msg.contains("targets must hold strings"), msg);
    }
}
