package org.vivarium.importer.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

/**
 * Hugging Face directories {@code viv import hf} cannot import: each fails with one line naming what is unsupported,
 * missing or mismatched, and (for configs) what is supported; nothing is written. The inputs are the committed
 * fixtures with one edit each.
 */
class HfBadInputTest {
    @TempDir
    Path tmp;

    @Test
    void anUnsupportedArchitectureNamesTheSupportedOnes() throws Exception {
        String line = oneLine(edit("llama", c -> {
            c.addProperty("model_type", "mistral");
            c.getAsJsonArray("architectures").set(0, new JsonPrimitive("MistralForCausalLM"));
        }));
        assertTrue(line.contains("unsupported model_type \"mistral\" with architectures [MistralForCausalLM]"), line);
        assertTrue(line.endsWith(HfArchitecture.SUPPORTED), line);
    }

    @Test
    void anEncoderClassUnderASupportedModelTypeIsRefused() throws Exception {
        String line = oneLine(edit("gpt2", c -> c.getAsJsonArray("architectures")
                .set(0, new JsonPrimitive("GPT2ForSequenceClassification"))));
        assertTrue(line.contains("architectures [GPT2ForSequenceClassification] is not the causal LM GPT2LMHeadModel"),
                line);
        assertTrue(line.endsWith(HfArchitecture.SUPPORTED), line);
    }

    @Test
    void unsupportedSettingsAreNamed() throws Exception {
        String rope = oneLine(edit("llama", c -> c.add("rope_scaling",
                JsonParser.parseString("{\"type\": \"linear\", \"factor\": 2.0}"))));
        assertTrue(rope.contains("unsupported rope_scaling {\"type\":\"linear\",\"factor\":2.0}"), rope);
        assertTrue(rope.contains(HfArchitecture.SUPPORTED), rope);
        String act = oneLine(edit("neox", c -> c.addProperty("hidden_act", "quick_gelu")));
        assertTrue(act.contains("unsupported hidden_act=\"quick_gelu\" (supported: gelu_new, gelu_pytorch_tanh, gelu, "
                + "relu, silu)"), act);
        String gqa = oneLine(edit("qwen2", c -> c.addProperty("num_key_value_heads", 3)));
        assertTrue(gqa.contains("unsupported num_key_value_heads=3 does not divide num_attention_heads=4"), gqa);
    }

    @Test
    void mismatchedShapesNameTheTensorAndBothShapes() throws Exception {
        Path dir = edit("llama", c -> c.addProperty("intermediate_size", 64));
        String line = oneLine(dir);
        assertEquals("mismatched shapes: model.layers.0.mlp.gate_proj.weight in " + dir + " is [48,32] but config.json"
                + " implies [64,32] — use the config.json that belongs to these weights", line);
    }

    @Test
    void weightsTheConfigDoesNotDescribeAreListed() throws Exception {
        // Qwen2's weights (with q/k/v biases) under a Llama config without attention_bias
        Path dir = edit("qwen2", c -> {
            c.addProperty("model_type", "llama");
            c.getAsJsonArray("architectures").set(0, new JsonPrimitive("LlamaForCausalLM"));
        });
        String line = oneLine(dir);
        assertTrue(line.startsWith(dir + " has 6 tensors this architecture does not use: [model.layers.0.self_attn"
                + ".k_proj.bias"), line);
    }

    @Test
    void aModelTooLargeForThisJvmIsRefusedBeforeItsWeightsAreRead() throws Exception {
        String line = oneLine(edit("llama", c -> c.addProperty("num_hidden_layers", 1_000_000)));
        assertTrue(line.contains("config.json: n_layers=1000000 makes the model too large"), line);
        assertTrue(line.contains("or give Java more memory"), line);
    }

    @Test
    void aDirectoryWithoutWeightsSaysSo() throws Exception {
        Path dir = HfFixtures.copy("gpt2", tmp);
        Files.delete(dir.resolve("model.safetensors"));
        assertEquals(dir + " has no *.safetensors weights — convert pytorch_model.bin to safetensors first (Vivarium"
                + " reads only safetensors)", oneLine(dir));
    }

    /** A copy of a fixture with its config.json edited. */
    private Path edit(String name, Consumer<JsonObject> change) throws Exception {
        Path dir = HfFixtures.copy(name, tmp);
        JsonObject c = JsonParser.parseString(Files.readString(dir.resolve("config.json"))).getAsJsonObject();
        change.accept(c);
        Files.writeString(dir.resolve("config.json"), c.toString());
        return dir;
    }

    /** Imports, expecting failure: returns the message, checked to be one line, with nothing written. */
    private String oneLine(Path dir) {
        Path out = tmp.resolve("out");
        VivariumException e = assertThrows(VivariumException.class,
                () -> HfImporter.importDir(dir, out, new PrintStream(OutputStream.nullOutputStream())));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(Files.notExists(out), "nothing is written");
        return e.getMessage();
    }
}
