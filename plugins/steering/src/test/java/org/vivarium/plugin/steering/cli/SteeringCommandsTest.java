package org.vivarium.plugin.steering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.SmallLm;
import org.vivarium.plugin.steering.SteeringMethod;
import org.vivarium.plugin.steering.generate.Continuations;
import org.vivarium.report.io.JsonReader;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestRuntime;

/** The two commands, run as the host runs them, on a real briefly trained model. */
class SteeringCommandsTest {
    @TempDir
    static Path work;

    @BeforeAll
    static void prepare() throws Exception {
        Files.writeString(work.resolve("pos.txt"),
                "We will win!\nThe people rise!\n\nOur union is strong!\nJobs come back!\n");
        Files.writeString(work.resolve("neg.txt"),
                "We will lose.\nThe people fall.\nOur union is weak.\nJobs go away.\n");
        Files.createSymbolicLink(work.resolve("lm"), SmallLm.runDir());
    }

    private static MethodCommand command(String name) {
        return new SteeringMethod().commands().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void directionThenGenerate() throws Exception {
        LocalMethodContext ctx = LocalMethodContext.in(work);
        assertEquals(0, ctx.run(command("direction"), "lm", "--pos", "pos.txt", "--neg", "neg.txt", "--layer", "1",
                "--out", "dir"));
        assertEquals(List.of("reading residuals 8/8 prompt"), ctx.progressLog());
        String out = ctx.output();
        assertTrue(out.contains(" blocks.0.hook_resid_pre ") && out.contains(" blocks.1.hook_resid_post "), out);
        assertTrue(ctx.output().contains("saved the direction at blocks.1.hook_resid_pre (layer 1"), ctx.output());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) JsonReader.parse(
                Files.readString(work.resolve("dir/direction.json")));
        assertEquals(1.0, doc.get("layer"));
        assertEquals(128, ((List<?>) doc.get("vector")).size());
        assertEquals(3, ((List<?>) doc.get("layers")).size());
        assertEquals(4.0, ((Map<?, ?>) ((List<?>) doc.get("layers")).get(0)).get("n_held_out"), "cross-fit on 2+2");
        assertEquals("lm", ((Map<?, ?>) doc.get("provenance")).get("organism"));

        LocalMethodContext gen = LocalMethodContext.in(work);
        assertEquals(0, gen.run(command("generate"), "lm", "--direction", "dir/direction.json", "--prompt",
                "The state of", "--coeffs", "0,4", "--tokens", "10", "--ablate"));
        List<String> lines = gen.output().lines().toList();
        assertEquals(4, lines.size(), gen.output());
        try (Model m = TestRuntime.shared().load(SmallLm.runDir().resolve("checkpoint"))) {
            String plain = Continuations.of(m, "The state of", GenerationOptions.greedy(10), List.of()).text();
            assertEquals("c=0      " + plain.replace("\n", "\\n"), lines.get(1), "c=0 is the unsteered text");
        }
        assertTrue(lines.get(2).startsWith("c=4 "), lines.get(2));
        assertTrue(lines.get(3).startsWith("ablated  "), lines.get(3));
    }

    @Test
    void badInputFailsWithProblemAndFix() {
        LocalMethodContext ctx = LocalMethodContext.in(work);
        MethodCommand dir = command("direction");
        VivariumException missing = assertThrows(VivariumException.class,
                () -> ctx.run(dir, "lm", "--pos", "nope.txt", "--neg", "neg.txt"));
        assertTrue(missing.getMessage().contains("prompt file") && missing.getMessage().contains("one prompt per line"),
                missing.getMessage());
        VivariumException layer = assertThrows(VivariumException.class,
                () -> ctx.run(dir, "lm", "--pos", "pos.txt", "--neg", "neg.txt", "--layer", "5"));
        assertTrue(layer.getMessage().contains("use a layer from 0 to 2"), layer.getMessage());
        VivariumException ckpt = assertThrows(VivariumException.class,
                () -> ctx.run(dir, "runs/none", "--pos", "pos.txt", "--neg", "neg.txt"));
        assertTrue(ckpt.getMessage().contains("does not exist"), ckpt.getMessage());
        VivariumException noDirection = assertThrows(VivariumException.class, () -> ctx.run(command("generate"), "lm",
                "--direction", "nothing/direction.json", "--prompt", "x"));
        assertTrue(noDirection.getMessage().contains("viv steering direction"), noDirection.getMessage());
        VivariumException position = assertThrows(VivariumException.class,
                () -> ctx.run(dir, "lm", "--pos", "pos.txt", "--neg", "neg.txt", "--position", "first"));
        assertTrue(position.getMessage().contains("--position last"), position.getMessage());
    }
}
