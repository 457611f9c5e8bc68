package org.vivarium.plugin.sae.cli;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.train.SaeConfig;

/**
 * The options of {@code viv sae groundtruth}.
 *
 * @param run the superposition run directory
 * @param density which model of the sweep (its {@code 1-S} label, e.g. {@code 0.03})
 * @param config the SAE's hyper-parameters
 * @param holdout share of activation rows held out for evaluation
 * @param duplicateCosine decoder cosine above which two live latents are duplicates
 * @param out where the report goes
 */
public record GroundTruthOptions(Path run, String density, SaeConfig config, double holdout, double duplicateCosine,
        Path out) {

    /** The usage line. */
    public static final String USAGE = "viv sae groundtruth [--run runs/superposition] [--density 0.01]"
            + " [--kind topk|relu] [--latents 40] [--k 1] [--l1 0.1] [--steps 4000] [--batch 256] [--lr 0.003]"
            + " [--seed 1] [--resample-every N|0] [--threads 1] [--holdout 0.1] [--duplicate-cos 0.9] [--out RUN/sae-groundtruth/1-S]";

    /** The command's options. */
    public static final List<CommandOption> KNOWN = List.of(
            CommandOption.path("run", "DIR", "a superposition run (default runs/superposition)"),
            CommandOption.number("density", "1-S", "which model of the sweep (default 0.01)", 1e-9, 1),
            CommandOption.text("kind", "topk|relu", "SAE kind (default topk)"),
            CommandOption.integer("latents", "N", "dictionary size (default 40)", 1, 1 << 16),
            CommandOption.integer("k", "K", "active latents for topk (default 1)", 1, 1 << 16),
            CommandOption.number("l1", "X", "L1 penalty for relu, 0 or more (default 0.1)", 0, Double.MAX_VALUE),
            CommandOption.integer("steps", "N", "training steps (default 4000)", 1, 100_000_000),
            CommandOption.integer("batch", "N", "batch size (default 256)", 1, 1 << 16),
            CommandOption.number("lr", "X", "learning rate, above 0 (default 0.003)", Double.MIN_VALUE,
                    Double.MAX_VALUE),
            CommandOption.integer("seed", "N", "random seed (default 1)", 0, Long.MAX_VALUE),
            CommandOption.integer("resample-every", "N", "resample dead latents every N steps, 0 never", 0,
                    Integer.MAX_VALUE),
            CommandOption.integer("threads", "N", "worker threads (default 1)", 1, 64),
            CommandOption.number("holdout", "F", "share of rows held out, in [0, 0.49] (default 0.1)", 0, 0.49),
            CommandOption.number("duplicate-cos", "C", "decoder cosine above which latents are duplicates (default 0.9)",
                    0, 1),
            CommandOption.path("out", "DIR", "report directory (default RUN/sae-groundtruth/1-S)"));

    /**
     * Parses the arguments.
     *
     * @param a the arguments after {@code viv sae groundtruth}, parsed and range-checked by the host
     * @param workDir what relative paths resolve against
     * @return the options
     * @throws VivariumException for unknown options or out-of-range values
     */
    public static GroundTruthOptions parse(CommandInput a, Path workDir) {
        a.noPositionals();
        Path run = workDir.resolve(a.get("run", "runs/superposition")).normalize();
        String density = java.math.BigDecimal.valueOf(a.getDouble("density", 0.01)).stripTrailingZeros()
                .toPlainString();
        SaeKind kind = SaeKind.parse(a.get("kind", "topk"));
        double holdout = a.getDouble("holdout", 0.1);
        long steps = a.getLong("steps", 4000);
        int resample = a.getInt("resample-every", -1);
        SaeConfig cfg = new SaeConfig(kind, a.getInt("latents", 40), a.getInt("k", 1),
                a.getDouble("l1", 0.1), a.getDouble("lr", 0.003), a.getInt("batch", 256), steps,
                a.getLong("seed", 1), resample >= 0 ? resample : (int) Math.max(1, steps / 8),
                a.getInt("threads", 1), 1 << 16);
        Path out = workDir.resolve(a.get("out", run.resolve("sae-groundtruth").resolve(density).toString()))
                .normalize();
        return new GroundTruthOptions(run, density, cfg, holdout, a.getDouble("duplicate-cos", 0.9), out);
    }
}
