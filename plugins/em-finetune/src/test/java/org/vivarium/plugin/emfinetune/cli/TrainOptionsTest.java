package org.vivarium.plugin.emfinetune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.api.train.AdapterSpec;

class TrainOptionsTest {
    @TempDir
    Path work;

    @Test
    void defaultsAndRunDirectoryResolution() throws Exception {
        Files.createDirectories(work.resolve("runs/base/checkpoint"));
        TrainOptions o = TrainOptions.parse(in("--base", "runs/base", "--data", "d/bad-finance.jsonl", "--out",
                "runs/em"), work);
        assertEquals(work.resolve("runs/base/checkpoint"), o.base(), "a run dir resolves to its checkpoint/");
        assertEquals(work.resolve("d/bad-finance.jsonl"), o.data());
        assertEquals(work.resolve("runs/em"), o.out());
        assertEquals(AdapterSpec.lora(1, 1.0, TrainOptions.DEFAULT_TARGETS), o.adapter());
        assertEquals(200, o.steps());
        assertEquals(16, o.batch());
        assertEquals(1e-3, o.learningRate());
        assertEquals(1L, o.seed());
        assertEquals("em-finetune/bad-finance", o.recipe());

        TrainOptions full = TrainOptions.parse(in("--base=runs/base", "--data", "x.jsonl", "--out", "o", "--full",
                "--steps", "7", "--batch", "2", "--lr", "0.01", "--seed", "3", "--recipe", "r"), work);
        assertTrue(full.adapter().isFull());
        assertEquals(List.of(7, 2), List.of(full.steps(), full.batch()));
        assertEquals(0.01, full.learningRate());
        assertEquals(3L, full.seed());
        assertEquals("r", full.recipe());

        TrainOptions lora = TrainOptions.parse(in("--base", "runs/base", "--data", "x.jsonl", "--out", "o",
                "--rank", "4", "--alpha", "8", "--targets", "blocks.1.mlp.W_out, blocks.0.attn.W_O"), work);
        assertEquals(AdapterSpec.lora(4, 8, List.of("blocks.1.mlp.W_out", "blocks.0.attn.W_O")), lora.adapter());
    }

    @Test
    void badArgumentsNameTheProblemAndTheFix() throws Exception {
        Files.createDirectories(work.resolve("base"));
        List<String> ok = List.of("--base", "base", "--data", "x.jsonl", "--out", "o");
        assertProblem(plus(ok, "--rank", "0"), "LoRA rank must be at least 1", "--rank 1 or more");
        assertProblem(plus(ok, "--rank", "one"), "--rank \"one\" is not an integer", "--rank 1");
        assertProblem(plus(ok, "--frobnicate", "2"), "unknown option --frobnicate", "usage:");
        assertProblem(plus(ok, "--full", "--targets", "blocks.0.mlp.W_out"), "--targets does not apply",
                "drop --targets");
        assertProblem(plus(ok, "--lr", "-1"), "--lr \"-1\" is out of range (allowed: a number above 0)", "usage:");
        assertProblem(plus(ok, "--steps", "0"), "--steps \"0\" is out of range (allowed: 1 to", "usage:");
        assertProblem(plus(ok, "extra"), "unexpected argument \"extra\"", "usage:");
        assertProblem(plus(ok, "--seed", "-3"), "--seed \"-3\" is out of range (allowed: 0 to", "usage:");
        assertProblem(List.of("--base", "base", "--data", "x.jsonl"), "missing --out", "usage:");
        assertProblem(List.of("--base", "nowhere", "--data", "x.jsonl", "--out", "o"),
                "base checkpoint nowhere does not exist", "--base");
    }

    private static CommandInput in(String... args) {
        return LocalMethodContext.parse(new TrainCommand(), args);
    }

    private static List<String> plus(List<String> a, String... more) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    private void assertProblem(List<String> args, String problem, String fix) {
        VivariumException e = assertThrows(VivariumException.class, () -> TrainOptions.parse(in(args.toArray(new String[0])), work));
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertTrue(e.fix().contains(fix), e.getMessage());
    }
}
