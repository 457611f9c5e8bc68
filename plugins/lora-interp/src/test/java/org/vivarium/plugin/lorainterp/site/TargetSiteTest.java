package org.vivarium.plugin.lorainterp.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.DecoderOptions;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;

/** Input and output hooks per adapted weight, and clear refusals for weights lora-interp does not interpret. */
class TargetSiteTest {
    private static final ModelConfig PRE = ModelConfig.builder().nLayers(3).dModel(16).nHeads(2).dMlp(40).build();

    @Test
    void mlpAndAttentionWeightsReadAndWriteWhereTheForwardPassDoes() {
        TargetSite out = TargetSite.of("blocks.2.mlp.W_out", PRE);
        assertEquals("blocks.2.mlp.hook_post", out.input().path());
        assertEquals("blocks.2.hook_resid_post", out.output().path());
        assertEquals(40, out.inWidth());
        assertEquals(16, out.outWidth());
        assertTrue(out.writesResidual());

        TargetSite in = TargetSite.of("blocks.0.mlp.W_in", PRE);
        assertEquals("blocks.0.ln2.hook_normalized", in.input().path());
        assertEquals("blocks.0.mlp.hook_pre", in.output().path());
        assertFalse(in.writesResidual());

        TargetSite q = TargetSite.of("blocks.1.attn.W_Q", PRE);
        assertEquals("blocks.1.ln1.hook_normalized", q.input().path());
        assertEquals("blocks.1.attn.hook_q", q.output().path());
        assertEquals(16, q.outWidth());

        TargetSite o = TargetSite.of("blocks.1.attn.W_O", PRE);
        assertEquals("blocks.1.attn.hook_z", o.input().path());
        assertEquals("blocks.1.hook_resid_post", o.output().path());
        assertEquals(16, o.inWidth());

        for (String t : new String[] {"blocks.2.mlp.W_out", "blocks.0.mlp.W_in", "blocks.1.attn.W_V",
            "blocks.1.attn.W_O"}) {
            TargetSite s = TargetSite.of(t, PRE);
            HookName.parse(s.input().path(), PRE);
            HookName.parse(s.output().path(), PRE);
        }
    }

    @Test
    void theOutputLandsAtTheHookADirectionIsAddedAt() {
        assertEquals("blocks.2.hook_mlp_out", TargetSite.of("blocks.2.mlp.W_out", PRE).landing().orElseThrow().path());
        assertEquals("blocks.1.hook_attn_out", TargetSite.of("blocks.1.attn.W_O", PRE).landing().orElseThrow().path());
        assertEquals("blocks.0.mlp.hook_pre", TargetSite.of("blocks.0.mlp.W_in", PRE).landing().orElseThrow().path());
        assertTrue(TargetSite.of("blocks.1.attn.W_Q", PRE).landing().isEmpty(), "per-head: no single hook");
    }

    @Test
    void aGatedMlpsLinearHalfAndGateLandAtTheirOwnHooks() {
        ModelConfig gated = ModelConfig.builder().nLayers(2).dModel(16).nHeads(2).dMlp(40)
                .options(new DecoderOptions(true, 1e-6, true, false, 0, 10000.0)).build();
        TargetSite in = TargetSite.of("blocks.1.mlp.W_in", gated);
        assertEquals("blocks.1.mlp.hook_pre_linear", in.output().path());
        assertEquals("blocks.1.mlp.hook_pre_linear", in.landing().orElseThrow().path());
        TargetSite gate = TargetSite.of("blocks.1.mlp.W_gate", gated);
        assertEquals("blocks.1.ln2.hook_normalized", gate.input().path());
        assertEquals("blocks.1.mlp.hook_pre", gate.output().path());
        assertEquals(16, gate.inWidth());
        assertEquals(40, gate.outWidth());
        for (TargetSite s : new TargetSite[] {in, gate}) {
            HookName.parse(s.input().path(), gated);
            HookName.parse(s.output().path(), gated);
        }
        VivariumException e = assertThrows(VivariumException.class, () -> TargetSite.of("blocks.0.mlp.W_gate", PRE));
        assertTrue(e.getMessage().contains("no gated MLP"), e.getMessage());
    }

    @Test
    void withoutPreLayerNormTheInputIsTheRawResidualStream() {
        ModelConfig none = ModelConfig.builder().nLayers(1).normalization(Normalization.NONE).build();
        assertEquals("blocks.0.hook_resid_pre", TargetSite.of("blocks.0.attn.W_K", none).input().path());
        assertEquals("blocks.0.hook_resid_mid", TargetSite.of("blocks.0.mlp.W_in", none).input().path());
    }

    @Test
    void unsupportedOrMissingWeightsAreRefusedWithTheFix() {
        VivariumException e = assertThrows(VivariumException.class, () -> TargetSite.of("unembed.W_U", PRE));
        assertTrue(e.getMessage().contains("cannot interpret the adapted weight \"unembed.W_U\""), e.getMessage());
        assertTrue(e.fix().contains("blocks.L.mlp.W_in|W_gate|W_out"), e.fix());
        e = assertThrows(VivariumException.class, () -> TargetSite.of("blocks.3.mlp.W_out", PRE));
        assertTrue(e.getMessage().contains("no such weight"), e.getMessage());
        ModelConfig attnOnly = ModelConfig.builder().nLayers(2).attnOnly(true).build();
        assertThrows(VivariumException.class, () -> TargetSite.of("blocks.0.mlp.W_in", attnOnly));
        e = assertThrows(VivariumException.class, () -> TargetSite.of("blocks.0.mlp.W_out", PRE).requireShape(40, 8));
        assertTrue(e.getMessage().contains("40 x 8") && e.getMessage().contains("40 x 16"), e.getMessage());
    }
}
