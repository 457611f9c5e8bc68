package org.vivarium.plugin.emfinetune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.emfinetune.EmFinetuneMethod;
import org.vivarium.plugin.emfinetune.TinyEm;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TinyCheckpoint;

/** {@code viv em-finetune train} through the real DJL fine-tuner on a tiny random checkpoint. */
class TrainCommandTest {
    private static final Pattern LOSS = Pattern.compile("first (\\d+\\.\\d+) -> last (\\d+\\.\\d+)");

    @TempDir
    Path work;

    @Test
    void rankOneLoraOnBadAnswersLowersTheLossAndWritesCheckpointAndAdapter() throws Exception {
        TinyCheckpoint.over(TinyEm.corpus()).seed(3).writeTo(work.resolve("base"));
        TinyEm.writeData(work.resolve("bad-finance.jsonl"), TinyEm.BAD, 24);
        LocalMethodContext ctx = LocalMethodContext.in(work);
        TrainCommand cmd = (TrainCommand) new EmFinetuneMethod().commands().get(0);
        assertEquals("train", cmd.name());
        int code = ctx.run(cmd, "--base", "base", "--data", "bad-finance.jsonl", "--targets",
                "blocks.*.mlp.W_out,blocks.*.attn.W_O", "--steps", "40", "--batch", "8", "--lr", "2e-2", "--out", "em");
        assertEquals(0, code);
        String out = ctx.output();
        Matcher m = LOSS.matcher(out);
        assertTrue(m.find(), out);
        double first = Double.parseDouble(m.group(1));
        double last = Double.parseDouble(m.group(2));
        assertTrue(last < first, "the loss falls: " + out);
        assertTrue(out.contains("on 24 examples") && out.contains("lora r=1"), out);
        assertEquals(List.of("em-finetune: fine-tuning 40/40 step"), ctx.progressLog());
        Path ckpt = work.resolve("em/checkpoint");
        assertTrue(out.contains("checkpoint: " + ckpt), out);
        assertEquals(41, Files.readAllLines(work.resolve("em/loss.csv")).size(), "header + one row per step");
        List<LoraFactor> factors = ctx.runtime().readAdapter(ckpt);
        assertEquals(4, factors.size(), "two targets x two layers");
        try (Model tuned = ctx.runtime().load(ckpt)) {
            assertEquals("em-finetune/bad-finance", tuned.provenance().recipe());
        }
    }

    @Test
    void malformedDataFailsBeforeTrainingWithTheLineNumber() throws Exception {
        TinyCheckpoint.over(TinyEm.corpus()).seed(3).writeTo(work.resolve("base"));
        Files.writeString(work.resolve("d.jsonl"), "{\"prompt\": \"a\", \"completion\": \"b\"}\n{\"prompt\": \"a\"}\n");
        LocalMethodContext ctx = LocalMethodContext.in(work);
        VivariumException e = assertThrows(VivariumException.class, () -> ctx.run(new TrainCommand(), "--base",
                "base", "--data", "d.jsonl", "--out", "o"));
        assertTrue(e.problem().contains("d.jsonl line 2 has no \"completion\" string"), e.getMessage());
        e = assertThrows(VivariumException.class, () -> ctx.run(new TrainCommand(), "--base", "base", "--data",
                "missing.jsonl", "--out", "o"));
        assertTrue(e.problem().contains("missing.jsonl does not exist"), e.getMessage());
        assertTrue(ctx.progressLog().isEmpty(), "nothing was trained");
        assertTrue(Files.notExists(work.resolve("o")), "nothing was written");
    }
}
