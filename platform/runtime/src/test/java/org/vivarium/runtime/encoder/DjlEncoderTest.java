package org.vivarium.runtime.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.encoder.EncoderCheckpointIO;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.TestModels;
import org.vivarium.runtime.nd.DjlEngine;

class DjlEncoderTest {
    NDManager root;
    DjlEncoder enc;

    @BeforeEach
    void setUp() {
        root = DjlEngine.newManager();
        enc = EncoderTestModels.create(5, root);
    }

    @AfterEach
    void tearDown() {
        enc.close();
        root.close();
    }

    @Test
    void everyHookedEncoderHookPointIsCachedInForwardOrder() {
        int[][] toks = {{2, 5, 6, 7, 3}};
        RunResult r = enc.runWithCache(toks, HookFilter.ALL);
        List<String> names = enc.hookNames().stream().map(HookName::path).toList();
        assertEquals(names, new ArrayList<>(r.activations().names()));
        assertEquals(List.of("hook_embed", "hook_pos_embed", "hook_token_type_embed", "blocks.0.hook_resid_pre",
                "blocks.0.attn.hook_q"), names.subList(0, 5));
        assertEquals("blocks.1.ln2.hook_normalized", names.get(names.size() - 1));
        assertFalse(names.contains("ln_final.hook_normalized"));
        Tensor last = r.activations().get("blocks.1.ln2.hook_normalized");
        assertArrayEquals(last.data(), r.logits().data(), "the output is the last block's ln2");
        assertArrayEquals(new int[] {1, 4, 5, 5}, r.activations().get("blocks.0.attn.hook_pattern").shape());
        assertArrayEquals(r.activations().get("blocks.1.hook_resid_pre").data(),
                r.activations().get("blocks.0.ln2.hook_normalized").data());
    }

    @Test
    void attentionIsBidirectional() {
        float[] a = enc.runWithCache(new int[][] {{2, 5, 6, 7, 3}}, HookFilter.NONE).logits().row(0, 0);
        float[] b = enc.runWithCache(new int[][] {{2, 5, 6, 11, 3}}, HookFilter.NONE).logits().row(0, 0);
        assertTrue(TestModels.maxDiff(a, b) > 1e-3, "a later token changes the first position");
    }

    @Test
    void paddingChangesNothingAtRealPositionsAndGetsNoAttention() {
        int[] shortIds = {2, 10, 11, 3};
        int[] longIds = {2, 5, 6, 7, 8, 9, 3};
        EncoderBatch batch = EncoderBatch.padded(List.of(shortIds, longIds), 0);
        RunResult padded = enc.run(batch, List.of(), HookFilter.names("blocks.1.attn.hook_pattern"));
        Tensor alone = enc.runWithCache(new int[][] {shortIds}, HookFilter.NONE).logits();
        for (int p = 0; p < shortIds.length; p++) {
            assertTrue(TestModels.maxDiff(alone.row(0, p), padded.logits().row(0, p)) < 1e-5, "position " + p);
        }
        Tensor pattern = padded.activations().get("blocks.1.attn.hook_pattern");
        for (int h = 0; h < 4; h++) {
            for (int q = 0; q < 7; q++) {
                for (int k = shortIds.length; k < 7; k++) {
                    assertEquals(0f, pattern.get(0, h, q, k));
                }
            }
        }
    }

    @Test
    void hooksWorkAtEncoderSitesIncludingTokenTypes() {
        int[][] toks = {{2, 5, 6, 7, 3}};
        Tensor clean = enc.runWithCache(toks, HookFilter.NONE).logits();
        float[] dir = new float[16];
        dir[3] = 1f;
        Tensor steered = enc.runWithHooks(toks, List.of(Hook.add(EncoderHookNames.TOKEN_TYPE_EMBED, dir, 5f)));
        assertTrue(TestModels.maxDiff(clean.data(), steered.data()) > 1e-3);
        Tensor ko = enc.runWithHooks(toks, List.of(Hook.zeroAblate(HookName.attn(0, "z")).onHeads(1)));
        assertTrue(TestModels.maxDiff(clean.data(), ko.data()) > 1e-4);
        EncoderBatch typed = new EncoderBatch(toks, new int[][] {{0, 0, 1, 1, 1}}, new int[][] {{1, 1, 1, 1, 1}});
        assertTrue(TestModels.maxDiff(clean.data(), enc.run(typed, List.of(), HookFilter.NONE).logits().data())
                > 1e-4, "token types matter");
        VivariumException e = assertThrows(VivariumException.class,
                () -> enc.runWithHooks(toks, List.of(Hook.zeroAblate(HookName.lnFinal()))));
        assertEquals("unknown hook name \"ln_final.hook_normalized\" for this 2-layer encoder", e.problem());
        assertTrue(e.fix().contains("hook_token_type_embed"), e.fix());
    }

    @Test
    void anEncoderHasNoLanguageModelHeadAndRejectsBadInput() {
        VivariumException e = assertThrows(VivariumException.class, () -> enc.loss(new int[][] {{2, 3}}, List.of()));
        assertTrue(e.problem().startsWith("this model is a BERT-style encoder with no language-model head"));
        assertThrows(VivariumException.class, () -> enc.generate(new int[] {2}, GenerationOptions.greedy(3), List.of()));
        e = assertThrows(VivariumException.class, () -> enc.run(new EncoderBatch(new int[][] {{2, 3}},
                new int[][] {{0, 2}}, new int[][] {{1, 1}}), List.of(), HookFilter.NONE));
        assertEquals("token type 2 at [0][1] is outside the 2 token types of this encoder", e.problem());
        e = assertThrows(VivariumException.class, () -> new EncoderBatch(new int[][] {{2, 3}}, new int[][] {{0, 0}},
                new int[][] {{0, 0}}));
        assertEquals("attention mask row 0 hides every token", e.problem());
    }

    @Test
    void loadsThroughTheRuntimeAndEmbedsSentences(@TempDir Path dir) {
        EncoderCheckpointIO.write(dir.resolve("enc"), EncoderTestModels.checkpoint(5));
        try (DjlModelRuntime rt = new DjlModelRuntime(); Model m = rt.load(dir.resolve("enc"))) {
            DjlEncoder loaded = assertInstanceOf(DjlEncoder.class, m);
            assertEquals(EncoderTestModels.config(), loaded.encoderConfig());
            assertArrayEquals(enc.runWithCache(new int[][] {{2, 5, 3}}, HookFilter.NONE).logits().data(),
                    loaded.runWithCache(new int[][] {{2, 5, 3}}, HookFilter.NONE).logits().data());
            float[][] e = loaded.embed(List.of("The cat sat.", "A big dog ran on the mats"));
            assertEquals(2, e.length);
            assertEquals(1.0, SentencePooling.cosine(e[0], e[0]), 1e-6);
            double norm = 0;
            for (float v : e[1]) {
                norm += v * v;
            }
            assertEquals(1.0, norm, 1e-5);
        }
    }
}
