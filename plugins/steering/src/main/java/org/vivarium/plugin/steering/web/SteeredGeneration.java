package org.vivarium.plugin.steering.web;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.direction.ContrastiveDirection;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.extract.ResidualReader;
import org.vivarium.plugin.steering.extract.ResidualSet;
import org.vivarium.plugin.steering.generate.Continuations;
import org.vivarium.plugin.steering.generate.SteeringSweep;
import org.vivarium.plugin.steering.io.DirectionFile;
import org.vivarium.plugin.steering.io.SavedDirection;
import org.vivarium.plugin.steering.math.Vectors;

/**
 * One playground generation on a loaded model: resolves the hook (only {@code d_model}-wide sites can take a
 * direction), reads the saved direction or computes the mean difference of the two prompt sets' last-token
 * activations at the hook, and continues the prompt greedily with and without the direction added.
 */
final class SteeredGeneration {
    private SteeredGeneration() {
    }

    /**
     * Runs the generation.
     *
     * @param model the loaded checkpoint
     * @param r the request
     * @param workDir the work directory, for the paths in the result
     * @return both continuations
     * @throws VivariumException if the hook or the direction does not fit the model
     */
    static PlaygroundResult run(Model model, PlaygroundRequest r, Path workDir) {
        long start = System.nanoTime();
        SavedDirection saved = r.directionFile() == null ? null : DirectionFile.read(r.directionFile());
        HookName hook = hook(model, r.hook().isEmpty() && saved != null ? saved.hook().path() : r.hook());
        float[] v;
        String source;
        if (saved != null) {
            v = saved.vector();
            source = workDir.relativize(r.directionFile()).toString();
            if (v.length != model.config().dModel()) {
                throw new VivariumException("the direction in " + source + " has width " + v.length
                        + " but the model's d_model is " + model.config().dModel(),
                        "use a direction fitted on this checkpoint, or compute one from prompts");
            }
        } else {
            v = meanDifference(model, hook, r.positives(), r.negatives());
            source = "mean difference of " + r.positives().size() + " positive and " + r.negatives().size()
                    + " negative prompts at " + hook.path();
        }
        GenerationOptions greedy = new GenerationOptions(r.tokens(), 0f, 0, 0);
        String plain = Continuations.of(model, r.prompt(), greedy, List.of()).text();
        String steered = Continuations.of(model, r.prompt(), greedy,
                List.of(SteeringSweep.hook(hook, v, r.coefficient()))).text();
        return new PlaygroundResult(workDir.relativize(r.checkpoint()).toString(), hook.path(), r.coefficient(),
                source, Vectors.norm(v), r.prompt(), plain, steered, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Computes the contrastive direction at one hook: the mean last-token activation of the positive prompts minus
     * that of the negative ones.
     *
     * @param model the model
     * @param hook a {@code d_model}-wide hook
     * @param positives condition-present prompts
     * @param negatives condition-absent prompts
     * @return the direction
     */
    static float[] meanDifference(Model model, HookName hook, List<String> positives, List<String> negatives) {
        ResidualReader reader = new ResidualReader(model, List.of(hook), PositionMode.LAST);
        ResidualSet pos = reader.read(positives, n -> { });
        ResidualSet neg = reader.read(negatives, n -> { });
        return ContrastiveDirection.meanDifference(pos.at(hook), neg.at(hook));
    }

    /**
     * Parses a hook a direction can be added at.
     *
     * @param model the model
     * @param text the hook as typed
     * @return the hook
     * @throws VivariumException for an unknown hook (listing the valid ones) or one that is not {@code d_model} wide
     */
    static HookName hook(Model model, String text) {
        HookName h = HookName.parse(text, model.config());
        if (!steerable(h)) {
            throw new VivariumException("hook " + h.path() + " is not d_model wide, so a direction cannot be added"
                    + " there", "use a residual-stream hook such as " + HookName.residPost(0).path() + " (any of "
                    + String.join(", ", steerableSites()) + ")");
        }
        return h;
    }

    private static boolean steerable(HookName h) {
        return !h.hasHeads() && !h.site().startsWith("mlp.");
    }

    private static List<String> steerableSites() {
        return List.of("hook_embed", "hook_pos_embed", "blocks.L.hook_resid_pre", "blocks.L.hook_resid_mid",
                "blocks.L.hook_resid_post", "blocks.L.hook_attn_out", "blocks.L.hook_mlp_out",
                "blocks.L.ln1.hook_normalized", "blocks.L.ln2.hook_normalized", "ln_final.hook_normalized");
    }
}
