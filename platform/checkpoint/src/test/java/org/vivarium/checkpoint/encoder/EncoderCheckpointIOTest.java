package org.vivarium.checkpoint.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.ConfigJson;
import org.vivarium.checkpoint.tokenizer.WordPieceSettings;
import org.vivarium.checkpoint.tokenizer.WordPieceTokenizer;

class EncoderCheckpointIOTest {
    @TempDir
    Path dir;

    static EncoderConfig tiny() {
        ModelConfig base = ModelConfig.builder().nLayers(2).dModel(8).nHeads(2).dMlp(16).dVocab(12).nCtx(6)
                .normalization(Normalization.POST).build();
        return new EncoderConfig(base, 2, 1e-12f);
    }

    static EncoderCheckpoint checkpoint(EncoderConfig cfg) {
        Random r = new Random(3);
        Map<String, Tensor> w = new LinkedHashMap<>();
        EncoderShapes.forConfig(cfg).forEach((n, s) -> {
            Tensor t = Tensor.zeros(s);
            for (int i = 0; i < t.numel(); i++) {
                t.data()[i] = (float) r.nextGaussian();
            }
            w.put(n, t);
        });
        List<String> vocab = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b");
        Provenance p = new Provenance("checkpoint", "import/test", Map.of("source.onnx_sha256", "sha256:00"), 0L,
                "sha256:00", "test", "", "2026-01-01T00:00:00Z", Map.of());
        return new EncoderCheckpoint(cfg, w, new WordPieceTokenizer(vocab, WordPieceSettings.uncased()), p);
    }

    @Test
    void layoutIsTransformerLensHookedEncoder() {
        Map<String, int[]> s = EncoderShapes.forConfig(tiny());
        assertArrayEquals(new int[] {12, 8}, s.get("embed.embed.W_E"));
        assertArrayEquals(new int[] {2, 8}, s.get("embed.token_type_embed.W_token_type"));
        assertArrayEquals(new int[] {2, 8, 4}, s.get("blocks.1.attn.W_Q"));
        assertArrayEquals(new int[] {2, 4, 8}, s.get("blocks.1.attn.W_O"));
        assertFalse(s.containsKey("unembed.W_U"));
        assertEquals(5 + 2 * 16, s.size());
        assertEquals(12 * 8 + 6 * 8 + 2 * 8 + 16 + 2 * (4 * (64 + 8) + 2 * 8 * 16 + 16 + 8 + 4 * 8),
                tiny().parameterCount());
    }

    @Test
    void roundTripsAndLoadsOnlyAsAnEncoder() throws Exception {
        EncoderCheckpoint ck = checkpoint(tiny());
        Path out = dir.resolve("enc");
        EncoderCheckpointIO.write(out, ck);
        assertTrue(EncoderCheckpointIO.isEncoder(out));
        assertTrue(Files.readString(out.resolve("config.json")).contains("\"architecture\": \"encoder\""));
        EncoderCheckpoint back = EncoderCheckpointIO.read(out);
        assertEquals(ck.config(), back.config());
        assertEquals(ck.provenance(), back.provenance());
        assertArrayEquals(ck.weights().get("blocks.1.mlp.W_in").data(), back.weights().get("blocks.1.mlp.W_in").data());
        VivariumException e = assertThrows(VivariumException.class, () -> CheckpointIO.read(out));
        assertTrue(e.problem().endsWith("config.json describes a model with architecture=\"encoder\", not a "
                + "GPT-style decoder"), e.problem());
        assertThrows(VivariumException.class, () -> ConfigJson.read(out.resolve("config.json")));
        assertFalse(EncoderCheckpointIO.isEncoder(dir.resolve("nothing")));
    }

    @Test
    void mismatchedWeightsAndBadConfigsAreClearErrors() throws Exception {
        EncoderCheckpoint ck = checkpoint(tiny());
        Map<String, Tensor> w = new HashMap<>(ck.weights());
        w.remove("embed.ln.b");
        VivariumException e = assertThrows(VivariumException.class, () -> EncoderCheckpointIO.write(dir.resolve("x"),
                new EncoderCheckpoint(ck.config(), w, ck.tokenizer(), ck.provenance())));
        assertTrue(e.problem().contains("model.safetensors lacks 1 weight (embed.ln.b)"), e.problem());
        ModelConfig pre = ModelConfig.builder().nLayers(1).dModel(8).nHeads(2).dVocab(12).nCtx(6).build();
        e = assertThrows(VivariumException.class, () -> new EncoderConfig(pre, 2, 1e-12f));
        assertEquals("invalid encoder config: normalization=pre, positional=learned, attn_only=false", e.problem());
        Path out = dir.resolve("enc");
        EncoderCheckpointIO.write(out, ck);
        Files.writeString(out.resolve("config.json"), Files.readString(out.resolve("config.json"))
                .replace("\"n_token_types\": 2", "\"n_token_types\": 3"));
        e = assertThrows(VivariumException.class, () -> EncoderCheckpointIO.read(out));
        assertTrue(e.problem().contains("embed.token_type_embed.W_token_type has shape [2,8] but config.json implies"
                + " [3,8]"), e.problem());
    }
}
