package org.vivarium.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.DecoderOptions;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;

class ParameterShapesTest {

    @Test
    void totalsMatchParameterCountForManyConfigs() {
        for (boolean attnOnly : new boolean[] {true, false}) {
            for (Normalization norm : Normalization.values()) {
                for (Positional pos : Positional.values()) {
                    for (DecoderOptions opt : new DecoderOptions[] {DecoderOptions.STANDARD,
                        new DecoderOptions(true, 1e-6, true, false, 0, 1e6),
                        new DecoderOptions(false, 1e-5, false, true, 2, 1e4)}) {
                        ModelConfig cfg = ModelConfig.builder().nLayers(3).dModel(24).nHeads(3).dHead(6).dMlp(40)
                                .dVocab(50).nCtx(17).attnOnly(attnOnly).normalization(norm).positional(pos)
                                .actFn(ActFn.RELU).options(opt).build();
                        assertEquals(cfg.parameterCount(), ParameterShapes.total(ParameterShapes.forConfig(cfg)),
                                cfg.toString());
                    }
                }
            }
        }
    }

    @Test
    void shapesFollowTransformerLens() {
        ModelConfig cfg = ModelConfig.builder().nLayers(1).dModel(32).nHeads(4).dHead(8).dMlp(128).dVocab(100)
                .nCtx(64).build();
        Map<String, int[]> s = ParameterShapes.forConfig(cfg);
        assertArrayEquals(new int[] {100, 32}, s.get("embed.W_E"));
        assertArrayEquals(new int[] {64, 32}, s.get("pos_embed.W_pos"));
        assertArrayEquals(new int[] {4, 32, 8}, s.get("blocks.0.attn.W_Q"));
        assertArrayEquals(new int[] {4, 8, 32}, s.get("blocks.0.attn.W_O"));
        assertArrayEquals(new int[] {4, 8}, s.get("blocks.0.attn.b_V"));
        assertArrayEquals(new int[] {32}, s.get("blocks.0.attn.b_O"));
        assertArrayEquals(new int[] {32, 128}, s.get("blocks.0.mlp.W_in"));
        assertArrayEquals(new int[] {128, 32}, s.get("blocks.0.mlp.W_out"));
        assertArrayEquals(new int[] {32, 100}, s.get("unembed.W_U"));
        assertArrayEquals(new int[] {100}, s.get("unembed.b_U"));
        assertTrue(s.containsKey("ln_final.w"));
        List<String> names = List.copyOf(s.keySet());
        assertEquals("embed.W_E", names.get(0));
        assertEquals("unembed.b_U", names.get(names.size() - 1));
    }

    @Test
    void rmsNormsHaveNoBiasAndGatedMlpsAGate() {
        ModelConfig cfg = ModelConfig.builder().nLayers(1).dModel(32).nHeads(4).dMlp(48).positional(Positional.ROTARY)
                .options(new DecoderOptions(true, 1e-6, true, false, 0, 1e4)).build();
        Map<String, int[]> s = ParameterShapes.forConfig(cfg);
        assertArrayEquals(new int[] {32, 48}, s.get("blocks.0.mlp.W_gate"));
        assertTrue(s.containsKey("blocks.0.ln1.w"));
        assertFalse(s.containsKey("blocks.0.ln1.b"));
        assertFalse(s.containsKey("ln_final.b"));
    }

    @Test
    void optionalPartsAreLeftOut() {
        ModelConfig cfg = ModelConfig.builder().nLayers(2).attnOnly(true).normalization(Normalization.NONE)
                .positional(Positional.ROTARY).build();
        Map<String, int[]> s = ParameterShapes.forConfig(cfg);
        assertFalse(s.containsKey("pos_embed.W_pos"));
        assertFalse(s.containsKey("blocks.0.ln1.w"));
        assertFalse(s.containsKey("blocks.1.mlp.W_in"));
        assertFalse(s.containsKey("ln_final.w"));
        ModelConfig post = ModelConfig.builder().normalization(Normalization.POST).build();
        Map<String, int[]> p = ParameterShapes.forConfig(post);
        assertTrue(p.containsKey("blocks.1.ln2.b"));
        assertFalse(p.containsKey("ln_final.b"));
    }

    @Test
    void formatIsCompact() {
        assertEquals("[4,64,16]", ParameterShapes.format(new int[] {4, 64, 16}));
        assertEquals("[]", ParameterShapes.format(new int[0]));
    }
}
