package org.vivarium.launcher.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.launcher.support.CliRun;

/**
 * {@code blocks.L.mlp.hook_pre_linear}, the linear half of a gated (SwiGLU) MLP, through {@code viv cache} on the
 * importer's committed tiny Llama fixture: its rows have width d_mlp and equal {@code ln2(x) W_in} computed here
 * from the checkpoint's weights, and {@code hook_post = silu(hook_pre) * hook_pre_linear}; a GPT-2 model has no
 * such hook and says so in one {@code error:} line.
 */
class GatedMlpHooksCommandTest {
    private static final Path FIXTURES = Path.of("..", "platform", "importer", "src", "test", "resources", "hf");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String L0 = "blocks.0.";

    @TempDir
    Path dir;

    private static CliRun viv(String... args) {
        return CliRun.real(TIMEOUT, args);
    }

    private Path imported(String name) {
        Path out = dir.resolve(name);
        CliRun imp = CliRun.slow(TIMEOUT, "import", "hf", FIXTURES.resolve(name).toString(), "--out", out.toString());
        assertEquals(0, imp.code(), imp.out() + imp.err());
        return out;
    }

    private Path prompts() throws Exception {
        return Files.writeString(dir.resolve("prompts.txt"), "w1 w17 w42 w3\nw5 w6 w90 w12 w33\n");
    }

    @Test
    void aGatedModelCachesPreLinearAndItIsTheLinearHalfOfTheMlp() throws Exception {
        Path model = imported("llama");
        Path store = dir.resolve("store");
        CliRun r = viv("cache", model.toString(), "--prompts", prompts().toString(), "--hooks",
                L0 + "ln2.hook_normalized," + L0 + "mlp.hook_pre," + L0 + "mlp.hook_pre_linear," + L0 + "mlp.hook_post",
                "--run", "gated", "--store", store.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Checkpoint ck = CheckpointIO.read(model);
        int dMlp = ck.config().dMlp();
        Tensor wIn = ck.weights().get(L0 + "mlp.W_in");
        Tensor bIn = ck.weights().get(L0 + "mlp.b_in");
        try (MapDbActivationCache cache = MapDbActivationCache.openReadOnly(store)) {
            CacheRun run = cache.run("gated").orElseThrow();
            assertEquals(dMlp, run.hook(L0 + "mlp.hook_pre_linear").orElseThrow().width());
            assertEquals(9, run.hook(L0 + "mlp.hook_pre_linear").orElseThrow().rows(), "one row per token: 4 + 5");
            int[] lengths = {4, 5};
            double worstLinear = 0;
            double worstPost = 0;
            for (int seq = 0; seq < 2; seq++) {
                for (int pos = 0; pos < lengths[seq]; pos++) {
                    float[] x = row(cache, L0 + "ln2.hook_normalized", seq, pos);
                    float[] pre = row(cache, L0 + "mlp.hook_pre", seq, pos);
                    float[] lin = row(cache, L0 + "mlp.hook_pre_linear", seq, pos);
                    float[] post = row(cache, L0 + "mlp.hook_post", seq, pos);
                    assertEquals(dMlp, lin.length);
                    for (int j = 0; j < dMlp; j++) {
                        double expected = bIn == null ? 0 : bIn.get(j);
                        for (int i = 0; i < x.length; i++) {
                            expected += (double) x[i] * wIn.get(i, j);
                        }
                        worstLinear = Math.max(worstLinear, Math.abs(expected - lin[j]));
                        double silu = pre[j] / (1 + Math.exp(-pre[j]));
                        worstPost = Math.max(worstPost, Math.abs(silu * lin[j] - post[j]));
                    }
                }
            }
            assertTrue(worstLinear < 1e-5, "hook_pre_linear vs ln2(x) W_in + b_in: " + worstLinear);
            assertTrue(worstPost < 1e-5, "hook_post vs silu(hook_pre) * hook_pre_linear: " + worstPost);
        }
        CliRun run = viv("run", model.toString(), "--prompt", "w1 w2", "--cache", "blocks.*.mlp.hook_pre_linear");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("blocks.1.mlp.hook_pre_linear") && run.out().contains("[1, 2, " + dMlp + "]"),
                run.out());
    }

    @Test
    void aModelWithoutAGatedMlpHasNoPreLinearHook() throws Exception {
        Path model = imported("gpt2");
        CliRun r = viv("cache", model.toString(), "--prompts", prompts().toString(), "--hooks",
                L0 + "mlp.hook_pre_linear", "--run", "plain", "--store", dir.resolve("store").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("error: unknown hook name \"blocks.0.mlp.hook_pre_linear\""), r.err());
        assertTrue(lines.get(0).contains("blocks.{0..1}.mlp.hook_pre, blocks.{0..1}.mlp.hook_post"), r.err());
        assertFalse(lines.get(0).contains("hook_pre_linear,"), "not listed as valid: " + r.err());
    }

    private static float[] row(MapDbActivationCache cache, String hook, int seq, int pos) {
        return cache.get("gated", hook, seq, pos).orElseThrow(() -> new AssertionError(hook + " " + seq + "," + pos));
    }
}
