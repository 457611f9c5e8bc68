package org.vivarium.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.safetensors.SafetensorsReader;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;

class CheckpointIOTest {
    @TempDir
    Path root;

    private final ModelConfig cfg = TestWeights.tiny();

    private Checkpoint checkpoint(long seed) {
        return new Checkpoint(cfg, TestWeights.random(cfg, seed), new SymbolTokenizer(12),
                ProvenanceJsonTest.sample(), Map.of(), Map.of());
    }

    @Test
    void roundTripsEverythingIncludingTrainingState() {
        Map<String, Tensor> adam = Map.of("embed.W_E.exp_avg", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2));
        Checkpoint ck = new Checkpoint(cfg, TestWeights.random(cfg, 1), new SymbolTokenizer(12),
                ProvenanceJsonTest.sample(), adam, Map.of("step", "300", "lr", "1e-3"));
        Path dir = root.resolve("runs/induction");
        CheckpointIO.write(dir, ck);
        assertEquals(List.of("config.json", "model.safetensors", "optimizer.safetensors", "provenance.json",
                "tokenizer.json", "trainer_state.json"), names(dir));

        Checkpoint back = CheckpointIO.read(dir);
        assertEquals(cfg, back.config());
        assertEquals(ck.provenance(), back.provenance());
        assertEquals(ck.weights().keySet(), back.weights().keySet());
        ck.weights().forEach((k, v) -> assertArrayEquals(v.data(), back.weights().get(k).data(), k));
        assertInstanceOf(SymbolTokenizer.class, back.tokenizer());
        assertEquals(12, back.tokenizer().vocabSize());
        assertArrayEquals(new float[] {1, 2, 3, 4}, back.optimizerState().get("embed.W_E.exp_avg").data());
        assertEquals(Map.of("step", "300", "lr", "1e-3"), back.trainerState());
        assertTrue(back.hasTrainingState());
    }

    @Test
    void inferenceOnlyCheckpointHasNoTrainingFiles() {
        Path dir = root.resolve("ck");
        CheckpointIO.write(dir, checkpoint(1));
        assertEquals(List.of("config.json", "model.safetensors", "provenance.json", "tokenizer.json"), names(dir));
        assertFalse(CheckpointIO.read(dir).hasTrainingState());
        Map<String, String> meta = SafetensorsReader.readHeader(dir.resolve("model.safetensors")).metadata();
        assertEquals(ProvenanceJson.id(ProvenanceJsonTest.sample()), meta.get(CheckpointIO.PROVENANCE_ID_KEY));
    }

    @Test
    void contentHashIsTheSha256OfTheWeights() {
        Path a = root.resolve("a");
        Path b = root.resolve("b");
        CheckpointIO.write(a, checkpoint(1));
        CheckpointIO.write(b, checkpoint(1));
        assertEquals(Provenances.sha256(a.resolve("model.safetensors")), CheckpointIO.contentHash(a));
        assertEquals(CheckpointIO.contentHash(a), CheckpointIO.contentHash(b), "same content, same id");
        CheckpointIO.write(b, checkpoint(2));
        assertNotEquals(CheckpointIO.contentHash(a), CheckpointIO.contentHash(b));
    }

    @Test
    void replacingKeepsOnlyTheNewCheckpoint() {
        Path dir = root.resolve("ck");
        Checkpoint withState = new Checkpoint(cfg, TestWeights.random(cfg, 1), new SymbolTokenizer(12),
                ProvenanceJsonTest.sample(), Map.of(), Map.of("step", "1"));
        CheckpointIO.write(dir, withState);
        CheckpointIO.write(dir, checkpoint(2));
        assertFalse(Files.exists(dir.resolve("trainer_state.json")), "stale files from the old checkpoint");
        assertArrayEquals(TestWeights.random(cfg, 2).get("embed.W_E").data(),
                CheckpointIO.read(dir).weights().get("embed.W_E").data());
        assertEquals(List.of("ck"), names(root));
    }

    @Test
    void failureMidwayKeepsTheOldCheckpointIntact() {
        Path dir = root.resolve("ck");
        CheckpointIO.write(dir, checkpoint(1));
        String before = CheckpointIO.contentHash(dir);
        // model.safetensors and config.json are written into the temp dir before the tokenizer fails
        Checkpoint unsavable = new Checkpoint(cfg, TestWeights.random(cfg, 2), new UnsavableTokenizer(),
                ProvenanceJsonTest.sample(), Map.of(), Map.of());
        VivariumException e = assertThrows(VivariumException.class, () -> CheckpointIO.write(dir, unsavable));
        assertTrue(e.getMessage().contains("cannot save a tokenizer of kind \"bpe\""), e.getMessage());
        assertEquals(before, CheckpointIO.contentHash(dir));
        assertEquals(List.of("ck"), names(root), "no temp or backup directory is left behind");
        CheckpointIO.read(dir);
    }

    @Test
    void weightsThatDoNotFitTheConfigAreRejectedBeforeWriting() {
        Path dir = root.resolve("ck");
        CheckpointIO.write(dir, checkpoint(1));
        String before = CheckpointIO.contentHash(dir);
        Map<String, Tensor> bad = new HashMap<>(TestWeights.random(cfg, 3));
        bad.put("blocks.0.attn.W_Q", Tensor.zeros(2, 8, 8));
        Checkpoint ck = new Checkpoint(cfg, bad, new SymbolTokenizer(12), ProvenanceJsonTest.sample());
        VivariumException e = assertThrows(VivariumException.class, () -> CheckpointIO.write(dir, ck));
        assertTrue(e.getMessage().contains("blocks.0.attn.W_Q has shape [2,8,8] but config.json implies [2,16,8]"),
                e.getMessage());
        assertEquals(before, CheckpointIO.contentHash(dir));
        assertEquals(List.of("ck"), names(root));
    }

    @Test
    void refusesToOverwriteADirectoryThatIsNotACheckpoint() throws IOException {
        Path dir = Files.createDirectories(root.resolve("notes"));
        Files.writeString(dir.resolve("thesis.tex"), "precious");
        VivariumException e = assertThrows(VivariumException.class, () -> CheckpointIO.write(dir, checkpoint(1)));
        assertTrue(e.getMessage().contains("exists and is not a checkpoint"), e.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("thesis.tex")));
    }

    @Test
    void missingDirectoryAndFilesGiveActionableErrors() throws IOException {
        Path dir = root.resolve("nothing");
        VivariumException e = assertThrows(VivariumException.class, () -> CheckpointIO.read(dir));
        assertEquals("no checkpoint at " + dir + " — train one with 'viv organism train induction --out " + dir + "'",
                e.getMessage());
        CheckpointIO.write(dir, checkpoint(1));
        Files.delete(dir.resolve("tokenizer.json"));
        Files.delete(dir.resolve("provenance.json"));
        e = assertThrows(VivariumException.class, () -> CheckpointIO.read(dir));
        assertTrue(e.getMessage().startsWith("checkpoint " + dir + " is incomplete: no tokenizer.json, "
                + "provenance.json"), e.getMessage());
    }

    @Test
    void interruptedSwapPointsAtTheBackup() throws IOException {
        Path dir = root.resolve("ck");
        CheckpointIO.write(dir, checkpoint(1));
        Path backup = root.resolve(".ck.old-42");
        Files.move(dir, backup);
        VivariumException e = assertThrows(VivariumException.class, () -> CheckpointIO.read(dir));
        assertTrue(e.getMessage().contains("rename " + backup + " to " + dir), e.getMessage());
    }

    @Test
    void filesThatDoNotBelongTogetherAreDetected() throws IOException {
        Path dir = root.resolve("ck");
        CheckpointIO.write(dir, checkpoint(1));
        ModelConfig wider = ModelConfig.builder().nLayers(2).dModel(32).nHeads(2).dHead(8).dVocab(12).nCtx(10)
                .attnOnly(true).build();
        ConfigJson.write(dir.resolve("config.json"), wider);
        VivariumException e = assertThrows(VivariumException.class, () -> CheckpointIO.read(dir));
        assertTrue(e.getMessage().startsWith("checkpoint " + dir + ": embed.W_E has shape [12,16] but config.json "
                + "implies [12,32]; the weights and config.json do not belong together"), e.getMessage());

        CheckpointIO.write(dir, checkpoint(1));
        Provenance other = new Provenance("checkpoint", "organism/other", Map.of(), 9, "", "dev", "", "t", Map.of());
        ProvenanceJson.write(dir.resolve("provenance.json"), other);
        e = assertThrows(VivariumException.class, () -> CheckpointIO.read(dir));
        assertTrue(e.getMessage().contains("provenance.json does not match model.safetensors"), e.getMessage());

        CheckpointIO.write(dir, checkpoint(1));
        Files.writeString(dir.resolve("tokenizer.json"), "{\"kind\":\"symbol\",\"size\":500}");
        e = assertThrows(VivariumException.class, () -> CheckpointIO.read(dir));
        assertTrue(e.getMessage().contains("tokenizer.json has 500 tokens but config.json has d_vocab=12"),
                e.getMessage());
    }

    @Test
    void corruptWeightsNameTheFile() throws IOException {
        Path dir = root.resolve("ck");
        CheckpointIO.write(dir, checkpoint(1));
        Path model = dir.resolve("model.safetensors");
        Files.write(model, java.util.Arrays.copyOf(Files.readAllBytes(model), 100));
        VivariumException e = assertThrows(VivariumException.class, () -> CheckpointIO.read(dir));
        assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
    }

    private static List<String> names(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A legitimate tokenizer implementation that tokenizer.json has no format for. */
    private static final class UnsavableTokenizer implements Tokenizer {
        @Override
        public int[] encode(String text) {
            return new int[0];
        }

        @Override
        public String decode(int[] ids) {
            return "";
        }

        @Override
        public String tokenText(int id) {
            return "";
        }

        @Override
        public int vocabSize() {
            return 12;
        }

        @Override
        public String kind() {
            return "bpe";
        }
    }
}
