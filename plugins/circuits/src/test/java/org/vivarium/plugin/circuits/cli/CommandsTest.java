package org.vivarium.plugin.circuits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.plugin.circuits.CircuitsMethod;
import org.vivarium.plugin.circuits.Fixtures;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestFiles;

/** The commands as the host runs them, on the trained induction fixture. */
class CommandsTest {
    private static MethodCommand command(String name) {
        return LocalMethodContext.command(new CircuitsMethod(), name);
    }

    private static String ckpt() {
        return Fixtures.induction().toString();
    }

    private static Map<String, Object> json(Path file) throws Exception {
        return TestFiles.readJson(file);
    }

    @Test
    void patchOnRepeatedTokensWritesHeatmapsAndJson() throws Exception {
        Path work = TestFiles.scratchDir("cmd");
        LocalMethodContext ctx = LocalMethodContext.in(work);
        assertEquals(0, ctx.run(command("patch"), ckpt(), "--induction", "--sequences", "8", "--mode", "noise",
                "--sites", "resid_pre,z"));
        Path out = work.resolve("runs/circuits/induction/patch");
        for (String f : List.of("patch.json", "patch_resid_pre.png", "patch_heads.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        Map<String, Object> doc = json(out.resolve("patch.json"));
        assertEquals("noising", doc.get("direction"));
        assertTrue((Double) doc.get("corrupted") > (Double) doc.get("clean") + 1, "B A has nothing to copy: " + doc);
        assertEquals(List.of("patching noising 72/72 pass"), ctx.progressLog());
        assertTrue(ctx.output().contains("z L1"), ctx.output());
    }

    @Test
    void patchBetweenTwoPromptsWithALogitDifference() throws Exception {
        Path work = TestFiles.scratchDir("cmd");
        LocalMethodContext ctx = LocalMethodContext.in(work);
        ctx.run(command("patch"), ckpt(), "--clean", "11 3 40 7 22 11 3 40 7", "--corrupt",
                "30 9 2 45 16 11 3 40 7", "--answer", "22", "--wrong", "16", "--out", "pp");
        Map<String, Object> doc = json(work.resolve("pp/patch.json"));
        assertEquals("denoising", doc.get("direction"));
        assertTrue((Double) doc.get("clean") > (Double) doc.get("corrupted") + 1,
                "the clean prompt predicts the copy, the corrupted one does not: " + doc.get("clean") + " vs "
                        + doc.get("corrupted"));
        assertTrue(ctx.output().contains("attention-only model: no mlp_out sites"), ctx.output());
        assertTrue(Files.exists(work.resolve("pp/patch_attn_out.png")));
    }

    @Test
    void lensAndCompositionWriteTheirFiles() throws Exception {
        Path work = TestFiles.scratchDir("cmd");
        LocalMethodContext ctx = LocalMethodContext.in(work);
        assertEquals(0, ctx.run(command("lens"), ckpt(), "--prompt", "11 3 40 7 22 11 3 40 7", "--answer", "22"));
        Path lens = work.resolve("runs/circuits/induction/lens");
        for (String f : List.of("lens.json", "lens.png", "dla_heads.png", "dla_layers.png")) {
            assertTrue(Files.size(lens.resolve(f)) > 0, f);
        }
        assertTrue(ctx.output().contains("final LayerNorm scale frozen"), ctx.output());
        @SuppressWarnings("unchecked")
        Map<String, Object> dla = (Map<String, Object>) json(lens.resolve("lens.json")).get("dla");
        assertEquals((Double) dla.get("actual"), (Double) dla.get("sum"), 1e-3 * Math.abs((Double) dla.get("actual")));

        LocalMethodContext comp = LocalMethodContext.in(work);
        assertEquals(0, comp.run(command("composition"), ckpt(), "--top", "3"));
        Path out = work.resolve("runs/circuits/induction/composition");
        for (String f : List.of("composition.json", "composition_q.png", "composition_k.png", "composition_v.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(comp.output().contains("K-composition, top 3:"), comp.output());
        assertTrue(comp.output().contains("random matrices of the same shapes score"), comp.output());
    }

    @Test
    void pathWritesItsHeatmapAndJson() throws Exception {
        Path work = TestFiles.scratchDir("cmd");
        LocalMethodContext ctx = LocalMethodContext.in(work);
        assertEquals(0, ctx.run(command("path"), ckpt(), "--induction", "--sequences", "4", "--inputs", "k,v"));
        Path out = work.resolve("runs/circuits/induction/path");
        assertTrue(Files.size(out.resolve("path.png")) > 0);
        Map<String, Object> doc = json(out.resolve("path.json"));
        assertEquals(List.of("L0H0", "L0H1", "L0H2", "L0H3"), doc.get("senders"));
        assertEquals(10, ((List<?>) doc.get("columns")).size(), "4 heads + all, for k and v");
        assertEquals(List.of("path patching 84/84 pass"), ctx.progressLog());
        assertTrue(ctx.output().contains("L1 all k"), ctx.output());
    }

    @Test
    void acdcWritesTheCircuitAsSvgAndJson() throws Exception {
        Path work = TestFiles.scratchDir("cmd");
        LocalMethodContext ctx = LocalMethodContext.in(work);
        assertEquals(0, ctx.run(command("acdc"), ckpt(), "--task", "induction", "--tau", "0.05", "--sequences",
                "8", "--out", "a"));
        String svg = Files.readString(work.resolve("a/acdc.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains(">logits</text>") && svg.contains("<path "), svg);
        Map<String, Object> doc = json(work.resolve("a/acdc.json"));
        assertEquals("vivarium-circuits-acdc/1", doc.get("format"));
        assertEquals(81, ((List<?>) doc.get("decisions")).size());
        assertFalse(((List<?>) doc.get("circuit")).isEmpty(), doc.toString());
        assertEquals(List.of("acdc 84/84 edge"), ctx.progressLog());
        assertTrue(ctx.output().contains("the circuit keeps"), ctx.output());
    }

    @Test
    void badInputEndsInOneClearError() {
        Path work = TestFiles.scratchDir("cmd");
        LocalMethodContext ctx = LocalMethodContext.in(work);
        MethodCommand patch = command("patch");
        assertProblem("same token length", () -> ctx.run(patch, ckpt(), "--clean", "1 2 3", "--corrupt", "1 2",
                "--span", "1:3"));
        assertProblem("choose one metric", () -> ctx.run(patch, ckpt(), "--clean", "1 2 3", "--corrupt", "4 5 6",
                "--span", "1:3", "--answer", "1", "--wrong", "2"));
        assertProblem("unknown patching site", () -> ctx.run(patch, ckpt(), "--induction", "--sites", "mlp"));
        assertProblem("encodes to 2 tokens", () -> ctx.run(patch, ckpt(), "--clean", "1 2 3", "--corrupt",
                "4 5 6", "--answer", "1 2", "--wrong", "3"));
        assertProblem("--induction builds its own", () -> ctx.run(patch, ckpt(), "--induction", "--clean", "1"));
        assertProblem("--span \"0:9\"", () -> ctx.run(patch, ckpt(), "--clean", "1 2 3", "--corrupt", "4 5 6",
                "--span", "0:9"));
        assertProblem("unknown patching direction", () -> ctx.run(patch, ckpt(), "--induction", "--mode", "up"));
        assertProblem("unknown receiver input", () -> ctx.run(command("path"), ckpt(), "--induction", "--inputs",
                "z"));
        assertProblem("unknown ACDC task", () -> ctx.run(command("acdc"), ckpt(), "--task", "ioi"));
        assertProblem("unknown ACDC metric", () -> ctx.run(command("acdc"), ckpt(), "--task", "induction",
                "--metric", "l2"));
        assertProblem("missing --task", () -> ctx.run(command("acdc"), ckpt()));
        assertProblem("does not exist", () -> ctx.run(command("lens"), "no/such/run", "--prompt", "1"));
        assertProblem("missing --prompt", () -> ctx.run(command("lens"), ckpt()));
        assertProblem("--wrong needs --answer", () -> ctx.run(command("lens"), ckpt(), "--prompt", "1 2",
                "--wrong", "3"));
    }

    private static void assertProblem(String expected, org.junit.jupiter.api.function.Executable run) {
        VivariumException e = assertThrows(VivariumException.class, run);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(!e.fix().isBlank(), "a fix is suggested: " + e.getMessage());
    }
}
