package org.vivarium.plugin.lorainterp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.plugin.lorainterp.TinyLm;
import org.vivarium.report.io.JsonWriter;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TestIndexes;

/** {@code viv lora-interp show} end to end on a real checkpoint, adapter, steering direction file and index. */
class ShowCommandTest {
    @TempDir
    static Path tmp;

    private static DjlModelRuntime rt;
    private static float[] b;

    @BeforeAll
    static void setUp() throws Exception {
        rt = TestRuntime.shared();
        Path base = TinyLm.writeBase(tmp.resolve("base"), 8);
        b = TinyLm.gaussian(32, 12);
        TinyLm.writeAdapter(tmp.resolve("adapter"), "blocks.1.mlp.W_out", 1f, TinyLm.gaussian(64, 11), b, base);
        List<String> all = new ArrayList<>(TinyLm.POSITIVE);
        all.addAll(TinyLm.NEGATIVE);
        Files.write(tmp.resolve("prompts.txt"), all);
        Files.write(tmp.resolve("pos.txt"), TinyLm.POSITIVE);
        Files.write(tmp.resolve("neg.txt"), TinyLm.NEGATIVE);
        float[] minusB = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            minusB[i] = -b[i];
        }
        Files.writeString(tmp.resolve("direction.json"), new JsonWriter().beginObject()
                .name("format").value("vivarium-steering-direction/1").name("layer").value(2)
                .name("hook").value("blocks.1.hook_resid_post").name("position").value("mean")
                .name("vector").value(minusB).endObject().toString());
    }

    @AfterAll
    static void close() {
    }

    private static int run(LocalMethodContext ctx, ContextIndex index, String... args) {
        ShowCommand show = new ShowCommand(() -> Optional.ofNullable(index));
        return show.run(LocalMethodContext.parse(show, args), ctx);
    }

    @Test
    void printsSpectrumCosinesTokensAndIndexesContexts() throws Exception {
        LocalMethodContext ctx = LocalMethodContext.in(tmp);
        try (ContextIndex index = TestIndexes.open(tmp.resolve("index"))) {
            assertEquals(0, run(ctx, index, "--adapter", "adapter", "--checkpoint", "base", "--direction",
                    "direction.json", "--prompts", "prompts.txt", "--top", "5"));
            String out = ctx.output();
            Files.writeString(Path.of("target", "test-show.txt"), out); // kept for inspection
            assertTrue(out.contains("1 adapted weight, model "), out);
            assertTrue(out.contains("| blocks.1.mlp.W_out |    1 | 1.0000 |"), out);
            // no contrast: oriented by the --direction file, which is -b, so the cosine is +1 and the sign flips
            assertTrue(out.contains("|            1.000 | cosine with the given direction made positive |"), out);
            assertTrue(out.contains("tokens promoted and suppressed by the output direction of blocks.1.mlp.W_out"),
                    out);
            assertTrue(out.contains("|   5 |"), out);
            assertTrue(!out.contains("|   6 |"), "--top 5 lists five tokens: " + out);
            assertTrue(out.contains("added 16 contexts to the context index"), out);
            assertEquals(16, index.count("feature:lora/blocks.1.mlp.W_out/0 model:base"));
        }
    }

    @Test
    void positiveAndNegativeFilesGiveTheContrast() {
        LocalMethodContext ctx = LocalMethodContext.in(tmp);
        assertEquals(0, run(ctx, null, "--adapter", "adapter", "--checkpoint", "base", "--pos", "pos.txt", "--neg",
                "neg.txt"));
        String out = ctx.output();
        assertTrue(out.contains("| blocks.1.mlp.W_out | blocks.1.hook_resid_post |"), out);
        String row = out.lines().filter(l -> l.startsWith("| lora/blocks.1.mlp.W_out/0 |")).findFirst().orElseThrow();
        assertEquals(8, row.split("\\|").length, "feature, cos, three means, AUROC, rule all filled: " + row);
        assertTrue(row.contains("made positive"), row);
        assertTrue(out.contains("context index not available"), out);
    }

    @Test
    void withoutACheckpointOnlyTheSpectrumIsShown() {
        LocalMethodContext ctx = LocalMethodContext.in(tmp);
        assertEquals(0, run(ctx, null, "--adapter", "adapter"));
        String out = ctx.output();
        assertTrue(out.contains("singular values"), out);
        assertTrue(out.contains("no checkpoint: pass --checkpoint CKPT"), out);
        assertTrue(!out.contains("tokens promoted"), out);
    }

    @Test
    void badInputEndsInOneClearError() throws Exception {
        LocalMethodContext ctx = LocalMethodContext.in(tmp);
        VivariumException e = assertThrows(VivariumException.class, () -> run(ctx, null));
        assertTrue(e.getMessage().startsWith("missing --adapter DIR"), e.getMessage());
        e = assertThrows(VivariumException.class, () -> run(ctx, null, "--adapter", "nope"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(VivariumException.class, () -> run(ctx, null, "--adapter", "adapter", "--pos", "pos.txt"));
        assertTrue(e.getMessage().startsWith("--pos and --neg go together"), e.getMessage());
        e = assertThrows(VivariumException.class, () -> run(ctx, null, "--adapter", "adapter", "--prompts",
                "prompts.txt"));
        assertTrue(e.getMessage().startsWith("prompts need a model"), e.getMessage());
        e = assertThrows(VivariumException.class, () -> run(ctx, null, "--adapter", "adapter", "--top", "0"));
        assertTrue(e.getMessage().contains("--top \"0\" is out of range (allowed: 1 to 1000)"), e.getMessage());
        e = assertThrows(VivariumException.class, () -> run(ctx, null, "--adapter", "adapter", "--direction",
                "prompts.txt"));
        assertTrue(e.getMessage().startsWith("cannot read direction file"), e.getMessage());
        Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(VivariumException.class, () -> run(ctx, null, "--adapter", "empty"));
        assertTrue(e.getMessage().contains("adapter"), e.getMessage());
        e = assertThrows(VivariumException.class, () -> run(ctx, null, "--adapter", "adapter", "extra"));
        assertTrue(e.getMessage().startsWith("unexpected argument \"extra\""), e.getMessage());
    }
}
