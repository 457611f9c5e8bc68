package org.vivarium.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.DecoderOptions;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;

class ConfigJsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsThroughAFile() {
        ModelConfig[] configs = {
            TestWeights.tiny(),
            ModelConfig.builder().nLayers(4).dModel(48).nHeads(6).dMlp(100).actFn(ActFn.SILU)
                    .normalization(Normalization.POST).positional(Positional.ROTARY).build(),
            ModelConfig.builder().normalization(Normalization.NONE).actFn(ActFn.RELU).build(),
            ModelConfig.builder().positional(Positional.ROTARY).actFn(ActFn.GELU_NEW)
                    .options(new DecoderOptions(true, 1e-6, true, true, 4, 1e6)).build(),
        };
        for (ModelConfig cfg : configs) {
            Path f = dir.resolve("config.json");
            ConfigJson.write(f, cfg);
            assertEquals(cfg, ConfigJson.read(f));
        }
    }

    @Test
    void usesSnakeCaseKeysAndLowerCaseEnums() {
        String json = ConfigJson.toJsonString(ModelConfig.builder().positional(Positional.ROTARY).build());
        for (String key : new String[] {"n_layers", "d_model", "n_heads", "d_head", "d_mlp", "d_vocab", "n_ctx",
            "act_fn", "attn_only", "normalization", "positional"}) {
            assertTrue(json.contains("\"" + key + "\""), key);
        }
        assertTrue(json.contains("\"positional\": \"rotary\""), json);
        assertTrue(json.contains("\"act_fn\": \"gelu\""), json);
        assertFalse(json.contains("rms_norm"), "standard options are not written: " + json);
    }

    @Test
    void badDecoderOptionsAreNamed() {
        VivariumException e = assertThrows(VivariumException.class, () -> ConfigJson.fromJsonString(
                "{\"n_layers\":2,\"d_model\":8,\"n_heads\":2,\"d_head\":4,\"d_vocab\":5,\"n_ctx\":6,"
                + "\"act_fn\":\"silu\",\"attn_only\":true,\"normalization\":\"pre\",\"positional\":\"rotary\","
                + "\"rotary_dim\":3,\"norm_eps\":\"small\"}", "cfg"));
        assertTrue(e.getMessage().contains("norm_eps must be a finite number, got a string"), e.getMessage());
    }

    @Test
    void attnOnlyMayOmitDMlp() {
        ModelConfig cfg = ConfigJson.fromJsonString("{\"n_layers\":2,\"d_model\":8,\"n_heads\":2,\"d_head\":4,"
                + "\"d_vocab\":5,\"n_ctx\":6,\"act_fn\":\"relu\",\"attn_only\":true,\"normalization\":\"none\","
                + "\"positional\":\"learned\",\"d_mlp\":null,\"extra\":\"ignored\"}", "mem");
        assertEquals(0, cfg.dMlp());
        assertEquals(Normalization.NONE, cfg.normalization());
    }

    @Test
    void reportsAllMissingKeysAndWrongTypesInOneLine() {
        VivariumException e = assertThrows(VivariumException.class, () -> ConfigJson.fromJsonString(
                "{\"n_layers\":\"two\",\"d_model\":8.5,\"n_heads\":2,\"d_head\":4,\"d_mlp\":3,"
                        + "\"act_fn\":\"tanh\",\"attn_only\":\"yes\",\"normalization\":\"pre\",\"positional\":1}",
                "runs/x/config.json"));
        String m = e.getMessage();
        assertTrue(m.startsWith("runs/x/config.json: missing d_vocab, n_ctx"), m);
        assertTrue(m.contains("n_layers must be an integer, got a string (\"two\")"), m);
        assertTrue(m.contains("d_model must be a whole number, got 8.5"), m);
        assertTrue(m.contains("attn_only must be true or false"), m);
        assertTrue(m.contains("act_fn=\"tanh\" must be one of gelu, relu, silu"), m);
        assertTrue(m.contains("positional must be a string, got a number (1)"), m);
        assertTrue(!m.contains("\n"));
    }

    @Test
    void keepsModelConfigValidationMessage() {
        VivariumException e = assertThrows(VivariumException.class, () -> ConfigJson.fromJsonString(
                "{\"n_layers\":0,\"d_model\":8,\"n_heads\":2,\"d_head\":3,\"d_mlp\":3,\"d_vocab\":5,\"n_ctx\":6,"
                        + "\"act_fn\":\"gelu\",\"attn_only\":false,\"normalization\":\"pre\","
                        + "\"positional\":\"rotary\"}", "c.json"));
        assertEquals("c.json: invalid model config: n_layers=0 must be > 0; d_head=3 must be even for rotary "
                + "embeddings — fix these values in config.json", e.getMessage());
    }

    @Test
    void malformedAndMissingFilesNameTheFile() throws Exception {
        Path bad = dir.resolve("config.json");
        Files.writeString(bad, "{\"n_layers\": 2,,}");
        VivariumException e = assertThrows(VivariumException.class, () -> ConfigJson.read(bad));
        assertTrue(e.getMessage().startsWith(bad + " is not valid JSON"), e.getMessage());
        Files.writeString(bad, "[1, 2]");
        e = assertThrows(VivariumException.class, () -> ConfigJson.read(bad));
        assertTrue(e.getMessage().contains(bad + " must hold a JSON object, found an array"), e.getMessage());
        Path none = dir.resolve("nope.json");
        e = assertThrows(VivariumException.class, () -> ConfigJson.read(none));
        assertTrue(e.getMessage().contains(none.toString()), e.getMessage());
    }

    @Test
    void absurdSizesFailBeforeAnythingIsAllocated() throws Exception {
        Path ckpt = Files.createDirectories(dir.resolve("huge"));
        for (String f : new String[] {"model.safetensors", "tokenizer.json", "provenance.json"}) {
            Files.writeString(ckpt.resolve(f), "");
        }
        Files.writeString(ckpt.resolve("config.json"), "{\"n_layers\": 1000000000, \"d_model\": 64, \"n_heads\": 4,"
                + " \"d_head\": 16, \"d_mlp\": 256, \"d_vocab\": 32, \"n_ctx\": 64, \"act_fn\": \"gelu\","
                + " \"attn_only\": false, \"normalization\": \"pre\", \"positional\": \"learned\"}");
        long t0 = System.nanoTime();
        VivariumException e = assertThrows(VivariumException.class, () -> CheckpointIO.read(ckpt));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "the check must not allocate the model first");
        assertTrue(e.problem().startsWith(ckpt.resolve("config.json") + ": n_layers=1000000000 makes the model too large"),
                e.getMessage());
        assertTrue(e.fix().contains("at most n_layers="), e.getMessage());
    }
}
