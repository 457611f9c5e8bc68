package org.vivarium.plugin.sae.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandArgs;
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

    private static final Set<String> KNOWN = Set.of("run", "density", "kind", "latents", "k", "l1", "steps", "batch",
            "lr", "seed", "resample-every", "threads", "holdout", "duplicate-cos", "out");

    /**
     * Parses the arguments.
     *
     * @param args the arguments after {@code viv sae groundtruth}
     * @param workDir what relative paths resolve against
     * @return the options
     * @throws VivariumException for unknown options or out-of-range values
     */
    public static GroundTruthOptions parse(List<String> args, Path workDir) {
        CommandArgs a = CommandArgs.parse(args, KNOWN, USAGE);
        a.noPositionals();
        Path run = workDir.resolve(a.get("run", "runs/superposition")).normalize();
        String density = java.math.BigDecimal.valueOf(a.getDouble("density", 0.01, 1e-9, 1)).stripTrailingZeros()
                .toPlainString();
        SaeKind kind = SaeKind.parse(a.get("kind", "topk"));
        double holdout = a.getDouble("holdout", 0.1, 0, 0.49);
        long steps = a.getLong("steps", 4000, 1, 100_000_000);
        int resample = a.getInt("resample-every", -1, 0, Integer.MAX_VALUE);
        SaeConfig cfg = new SaeConfig(kind, a.getInt("latents", 40, 1, 1 << 16), a.getInt("k", 1, 1, 1 << 16),
                a.getNonNegative("l1", 0.1), a.getPositive("lr", 0.003), a.getInt("batch", 256, 1, 1 << 16), steps,
                a.getLong("seed", 1), resample >= 0 ? resample : (int) Math.max(1, steps / 8),
                a.getInt("threads", 1, 1, 64), 1 << 16);
        Path out = workDir.resolve(a.get("out", run.resolve("sae-groundtruth").resolve(density).toString()))
                .normalize();
        return new GroundTruthOptions(run, density, cfg, holdout, a.getDouble("duplicate-cos", 0.9, 0, 1), out);
    }
}
