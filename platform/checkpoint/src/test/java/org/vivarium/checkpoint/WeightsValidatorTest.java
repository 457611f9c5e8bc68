package org.vivarium.checkpoint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;

class WeightsValidatorTest {
    private final ModelConfig cfg = ModelConfig.builder().nLayers(1).dModel(32).nHeads(4).dHead(8).dVocab(20)
            .nCtx(8).attnOnly(true).build();

    /** The TransformerLens state dict of {@link #cfg}, written out by hand rather than from ParameterShapes. */
    private static Map<String, Tensor> handWritten() {
        Map<String, Tensor> w = new java.util.LinkedHashMap<>();
        w.put("embed.W_E", Tensor.zeros(20, 32));
        w.put("pos_embed.W_pos", Tensor.zeros(8, 32));
        w.put("blocks.0.ln1.w", Tensor.zeros(32));
        w.put("blocks.0.ln1.b", Tensor.zeros(32));
        w.put("blocks.0.attn.W_Q", Tensor.zeros(4, 32, 8));
        w.put("blocks.0.attn.W_K", Tensor.zeros(4, 32, 8));
        w.put("blocks.0.attn.W_V", Tensor.zeros(4, 32, 8));
        w.put("blocks.0.attn.W_O", Tensor.zeros(4, 8, 32));
        w.put("blocks.0.attn.b_Q", Tensor.zeros(4, 8));
        w.put("blocks.0.attn.b_K", Tensor.zeros(4, 8));
        w.put("blocks.0.attn.b_V", Tensor.zeros(4, 8));
        w.put("blocks.0.attn.b_O", Tensor.zeros(32));
        w.put("ln_final.w", Tensor.zeros(32));
        w.put("ln_final.b", Tensor.zeros(32));
        w.put("unembed.W_U", Tensor.zeros(32, 20));
        w.put("unembed.b_U", Tensor.zeros(20));
        return w;
    }

    @Test
    void exactlyTheTransformerLensLayoutPassesAndEveryWeightIsRequired() {
        assertDoesNotThrow(() -> WeightsValidator.validate(cfg, handWritten()));
        assertEquals(handWritten().keySet(), TestWeights.random(cfg, 1).keySet(), "the test helper's layout");
        for (String name : handWritten().keySet()) {
            Map<String, Tensor> w = handWritten();
            w.remove(name);
            VivariumException e = assertThrows(VivariumException.class, () -> WeightsValidator.validate(cfg, w),
                    "a checkpoint without " + name + " must be rejected");
            assertTrue(e.getMessage().startsWith("model.safetensors lacks 1 weight (" + name + ")"), e.getMessage());
        }
    }

    @Test
    void shapeMismatchIsOneExactLine() {
        Map<String, Tensor> w = new java.util.HashMap<>(TestWeights.random(cfg, 1));
        w.put("blocks.0.attn.W_Q", Tensor.zeros(4, 64, 16));
        VivariumException e = assertThrows(VivariumException.class, () -> WeightsValidator.validate(cfg, w));
        assertEquals("blocks.0.attn.W_Q has shape [4,64,16] but config.json implies [4,32,8]; the weights and "
                + "config.json do not belong together — re-export the checkpoint", e.getMessage());
    }

    @Test
    void missingAndUnexpectedNamesAreListed() {
        Map<String, Tensor> w = new java.util.HashMap<>(TestWeights.random(cfg, 1));
        w.remove("unembed.b_U");
        w.remove("embed.W_E");
        w.put("blocks.0.mlp.W_in", Tensor.zeros(32, 128));
        VivariumException e = assertThrows(VivariumException.class,
                () -> WeightsValidator.validate(cfg, w, "runs/x"));
        String m = e.getMessage();
        assertTrue(m.startsWith("runs/x: model.safetensors lacks 2 weights (embed.W_E, unembed.b_U)"), m);
        assertTrue(m.contains("has 1 weight (blocks.0.mlp.W_in) that config.json does not"), m);
        assertFalse(m.contains("\n"));
    }
}
