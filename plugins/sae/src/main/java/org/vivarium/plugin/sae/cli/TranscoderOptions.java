package org.vivarium.plugin.sae.cli;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.plugin.sae.transcoder.TranscoderSettings;

/**
 * The options of {@code viv sae transcoder}.
 *
 * @param store the cache store directory
 * @param run the cached run id (it must hold both hooks of the layer)
 * @param layer the MLP's layer
 * @param checkpoint the model the run was cached from (for the cross-entropy measurement)
 * @param prompts a prompt file given out of habit (not read: the held-out tokens come from the cache run), or null
 * @param settings the transcoder's hyper-parameters
 * @param holdout share of sequences held out for evaluation
 * @param cePrompts at most this many held-out prompts for the cross-entropy measurement
 * @param out the output directory
 */
public record TranscoderOptions(Path store, String run, int layer, Path checkpoint, Path prompts,
        TranscoderSettings settings, double holdout, int cePrompts, Path out) {

    /** The usage line. */
    public static final String USAGE = "viv sae transcoder --run RUN --layer L --checkpoint CKPT"
            + " [--store runs/cache] [--latents 1024] [--k 32] [--steps 2000] [--batch 256] [--lr 1e-3] [--seed 1]"
            + " [--holdout 0.05] [--ce-prompts 64] [--shuffle 32768] [--out runs/transcoder/RUN-LL]";

    /** The command's options. */
    public static final List<CommandOption> KNOWN = List.of(
            CommandOption.path("store", "DIR", "activation cache (default runs/cache)"),
            CommandOption.text("run", "RUN", "a cached run holding blocks.L.ln2.hook_normalized and blocks.L.hook_mlp_out"),
            CommandOption.integer("layer", "L", "the MLP's layer", 0, 1024),
            CommandOption.path("checkpoint", "CKPT", "the checkpoint the run was cached from"),
            CommandOption.path("prompts", "FILE", "not needed (the cache stores the tokens); accepted and ignored"),
            CommandOption.integer("latents", "N", "dictionary size (default 1024)", 1, 1 << 20),
            CommandOption.integer("k", "K", "active latents (default 32)", 1, 1 << 20),
            CommandOption.integer("steps", "N", "training steps (default 2000)", 1, 1_000_000_000),
            CommandOption.integer("batch", "N", "batch size (default 256)", 1, 1 << 16),
            CommandOption.number("lr", "X", "learning rate, above 0 (default 1e-3)", Double.MIN_VALUE, Double.MAX_VALUE),
            CommandOption.integer("seed", "N", "random seed (default 1)", 0, Long.MAX_VALUE),
            CommandOption.number("holdout", "F", "share of sequences held out, in [0.001, 0.49] (default 0.05)", 0.001,
                    0.49),
            CommandOption.integer("ce-prompts", "N", "held-out sequences for the CE loss (default 64)", 1, 1 << 20),
            CommandOption.integer("shuffle", "N", "shuffle buffer rows (default 32768)", 1, 1 << 24),
            CommandOption.path("out", "DIR", "output directory (default runs/transcoder/RUN-LL)"));

    /**
     * Parses the arguments.
     *
     * @param a the arguments after {@code viv sae transcoder}, parsed and range-checked by the host
     * @param workDir what relative paths resolve against
     * @return the options
     * @throws VivariumException for unknown options or out-of-range values
     */
    public static TranscoderOptions parse(CommandInput a, Path workDir) {
        a.noPositionals();
        String run = a.require("run");
        int layer = a.getInt("layer", -1);
        if (layer < 0) {
            throw new VivariumException("--layer is missing", "pass the MLP's layer, e.g. --layer 1");
        }
        Path ckpt = a.requirePath("checkpoint", workDir);
        Path prompts = a.has("prompts") ? workDir.resolve(a.get("prompts", "")) : null;
        int latents = a.getInt("latents", 1024);
        if (a.getInt("k", 32) > latents) {
            throw new VivariumException("--k " + a.getInt("k", 32) + " is more than --latents " + latents,
                    "pass a --k of at most --latents");
        }
        TranscoderSettings s = new TranscoderSettings(latents, a.getInt("k", 32), a.getDouble("lr", 1e-3),
                a.getInt("batch", 256), a.getLong("steps", 2000), a.getLong("seed", 1),
                a.getInt("shuffle", 32768));
        Path out = workDir.resolve(a.get("out", "runs/transcoder/" + run + "-L" + layer)).normalize();
        return new TranscoderOptions(workDir.resolve(a.get("store", "runs/cache")).normalize(), run, layer, ckpt,
                prompts, s, a.getDouble("holdout", 0.05), a.getInt("ce-prompts", 64), out);
    }
}
