package org.vivarium.plugin.steering.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.io.DirectionFile;
import org.vivarium.plugin.steering.io.DirectionProvenance;
import org.vivarium.plugin.steering.math.Separation;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TinyCheckpoint;

/** The playground on a real tiny checkpoint and the real DJL runtime: both direction sources, bad input, one at a time. */
class PlaygroundTest {
    static final String CORPUS = "the cat sat on the mat. the dog ran in the fog. good happy kind; bad sad cruel.";
    @TempDir
    static Path work;
    static Playground playground;

    @BeforeAll
    static void checkpoint() {
        TinyCheckpoint.over(CORPUS).seed(3).writeTo(work.resolve("runs/tiny"));
        playground = new Playground(TestRuntime::shared);
    }

    static Map<String, String> contrast(String coefficient) {
        Map<String, String> f = new HashMap<>();
        f.put("checkpoint", "runs/tiny");
        f.put("positive", "good happy kind\nthe cat is good\nhappy dog");
        f.put("negative", "bad sad cruel\nthe cat is bad\nsad dog");
        f.put("hook", "blocks.0.hook_resid_post");
        f.put("coefficient", coefficient);
        f.put("tokens", "12");
        f.put("prompt", "the cat");
        return f;
    }

    static PlaygroundResult generate(Map<String, String> fields) {
        return playground.generate(PlaygroundRequest.parse(fields::get, work), work);
    }

    static VivariumException refused(Map<String, String> fields) {
        return assertThrows(VivariumException.class, () -> generate(fields));
    }

    @Test
    void steeringChangesTheContinuationAndCoefficientZeroDoesNot() {
        PlaygroundResult steered = generate(contrast("20"));
        assertEquals("runs/tiny", steered.checkpoint());
        assertEquals("blocks.0.hook_resid_post", steered.hook());
        assertTrue(steered.direction().contains("3 positive and 3 negative"), steered.direction());
        assertTrue(steered.norm() > 0, "a direction from different prompt sets is not zero");
        assertFalse(steered.unsteered().isEmpty());
        assertNotEquals(steered.unsteered(), steered.steered(), "20 x the direction must change greedy decoding");
        PlaygroundResult zero = generate(contrast("0"));
        assertEquals(zero.unsteered(), zero.steered(), "adding 0 x the direction changes nothing");
        assertEquals(steered.unsteered(), zero.unsteered(), "greedy decoding repeats");
    }

    @Test
    void aSavedDirectionFileSteersLikeTheSameDirectionComputedHere() {
        Map<String, String> computed = contrast("20");
        PlaygroundResult fromPrompts = generate(computed);
        float[] v = savedVector(computed);
        Path dir = work.resolve("runs/steering/tiny");
        HookName hook = new HookName("blocks.0.hook_resid_post");
        DirectionFile.write(dir, new LayerDirection(0, hook, v, Separation.NONE), PositionMode.LAST,
                List.of(new LayerDirection(0, hook, v, Separation.NONE)),
                new DirectionProvenance("runs/tiny", "", null, Map.of(), 3, 3, "now"));
        Map<String, String> file = contrast("20");
        file.remove("positive");
        file.remove("negative");
        file.put("hook", ""); // the file's own hook
        file.put("direction", "runs/steering/tiny/direction.json");
        PlaygroundResult fromFile = generate(file);
        assertEquals("runs/steering/tiny/direction.json", fromFile.direction());
        assertEquals(hook.path(), fromFile.hook());
        assertEquals(fromPrompts.steered(), fromFile.steered());
    }

    /** The direction the page computes for these fields. */
    private static float[] savedVector(Map<String, String> fields) {
        PlaygroundRequest r = PlaygroundRequest.parse(fields::get, work);
        try (Model model = TestRuntime.shared().load(r.checkpoint())) {
            return SteeredGeneration.meanDifference(model, SteeredGeneration.hook(model, r.hook()), r.positives(),
                    r.negatives());
        }
    }

    @Test
    void badInputNamesTheProblemAndTheFix() {
        Map<String, String> f = contrast("4");
        f.put("checkpoint", "runs/nope");
        VivariumException e = refused(f);
        assertTrue(e.problem().contains("checkpoint runs/nope does not exist"), e.problem());
        assertTrue(e.fix().contains("runs/tiny"), "the fix lists the checkpoints there are: " + e.fix());

        f.put("checkpoint", "../../etc");
        assertTrue(refused(f).problem().contains("outside the work directory"));

        f = contrast("4");
        f.put("hook", "blocks.7.hook_resid_post");
        e = refused(f);
        assertTrue(e.problem().contains("unknown hook name \"blocks.7.hook_resid_post\""), e.problem());
        assertTrue(e.fix().contains("blocks.{0..1}.hook_resid_post"), e.fix());

        f.put("hook", "blocks.0.attn.hook_pattern");
        e = refused(f);
        assertTrue(e.problem().contains("not d_model wide"), e.problem());
        assertTrue(e.fix().contains("hook_resid_post"), e.fix());

        e = refused(contrast("1000"));
        assertTrue(e.problem().contains("coefficient 1000 is out of range"), e.problem());
        assertTrue(e.fix().contains("from -100 to 100"), e.fix());
        assertTrue(refused(contrast("lots")).problem().contains("not a number"));

        f = contrast("4");
        f.put("prompt", "  ");
        assertTrue(refused(f).problem().contains("prompt is empty"));
        f = contrast("4");
        f.remove("negative");
        assertTrue(refused(f).problem().contains("no direction"));
        f = contrast("4");
        f.put("tokens", "5000");
        assertTrue(refused(f).fix().contains("how many tokens"));
    }

    @Test
    void aDirectionOfTheWrongWidthIsRefused() {
        Path dir = work.resolve("runs/steering/narrow");
        HookName hook = new HookName("blocks.0.hook_resid_post");
        float[] v = {1, 2, 3};
        DirectionFile.write(dir, new LayerDirection(0, hook, v, Separation.NONE), PositionMode.LAST,
                List.of(new LayerDirection(0, hook, v, Separation.NONE)),
                new DirectionProvenance("other", "", null, Map.of(), 1, 1, "now"));
        Map<String, String> f = contrast("4");
        f.put("direction", "runs/steering/narrow");
        VivariumException e = refused(f);
        assertTrue(e.problem().contains("has width 3 but the model's d_model is 32"), e.problem());
    }

    @Test
    void aSecondGenerationWhileOneRunsIsRefusedAtOnce() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> playground.exclusively(() -> {
            holding.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        }));
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        VivariumException busy = refused(contrast("4"));
        assertInstanceOf(Playground.Busy.class, busy);
        assertTrue(busy.problem().contains("another generation is running"), busy.problem());
        release.countDown();
        assertEquals("done", first.get(30, TimeUnit.SECONDS));
        assertFalse(generate(contrast("4")).steered().isEmpty(), "free again once the first one finished");
    }
}
