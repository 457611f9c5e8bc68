package org.vivarium.checkpoint.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;

/** Target patterns resolve to the right weights, and bad targets are explained. */
class LoraTargetsTest {
    private static final ModelConfig CFG = AdapterFixtures.model();

    @Test
    void patternsResolveInStateDictOrderWithoutDuplicates() {
        List<String> got = LoraTargets.resolve(CFG,
                List.of("blocks.1.attn.W_O", "blocks.*.mlp.W_out", "blocks.1.mlp.W_out"));
        assertEquals(List.of("blocks.0.mlp.W_out", "blocks.1.attn.W_O", "blocks.1.mlp.W_out"), got);
        assertEquals(8, LoraTargets.resolve(CFG, List.of("blocks.*.attn.W_*")).size());
        assertEquals(12, LoraTargets.resolve(CFG, List.of("blocks.*.*.*")).size());
    }

    @Test
    void matrixShapesFollowTheForwardPass() {
        assertArrayEquals(new int[] {8, 8}, LoraTargets.matrixShape(CFG, "blocks.0.attn.W_Q"));
        assertArrayEquals(new int[] {8, 8}, LoraTargets.matrixShape(CFG, "blocks.0.attn.W_O"));
        assertArrayEquals(new int[] {8, 12}, LoraTargets.matrixShape(CFG, "blocks.1.mlp.W_in"));
        assertArrayEquals(new int[] {12, 8}, LoraTargets.matrixShape(CFG, "blocks.1.mlp.W_out"));
        ModelConfig attnOnly = ModelConfig.builder().nLayers(1).dModel(8).nHeads(2).dHead(3).dVocab(10).nCtx(6)
                .attnOnly(true).build();
        assertArrayEquals(new int[] {6, 8}, LoraTargets.matrixShape(attnOnly, "blocks.0.attn.W_O"));
        assertEquals(4, LoraTargets.matrixShapes(attnOnly).size());
    }

    @Test
    void badTargetsAreRejectedWithTheValidNames() {
        VivariumException bias = assertThrows(VivariumException.class,
                () -> LoraTargets.resolve(CFG, List.of("blocks.0.attn.b_Q")));
        assertTrue(bias.getMessage().contains("not a weight matrix LoRA can adapt"), bias.getMessage());
        assertTrue(bias.getMessage().contains("mlp.W_out") && bias.getMessage().contains("0..1"), bias.getMessage());
        VivariumException none = assertThrows(VivariumException.class,
                () -> LoraTargets.resolve(CFG, List.of("blocks.7.mlp.W_out")));
        assertTrue(none.getMessage().contains("matches no weight matrix"), none.getMessage());
        assertThrows(VivariumException.class, () -> LoraTargets.resolve(CFG, List.of()));
        assertThrows(VivariumException.class, () -> LoraTargets.matrixShape(CFG, "unembed.W_U"));
    }
}
