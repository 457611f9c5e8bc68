package org.vivarium.plugin.sae.cli;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.plugin.sae.math.SaeKind;

/**
 * The options of {@code viv sae train}. Training length is {@code --steps}, or {@code --epochs} passes over
 * the training rows (default 1) when no step count is given.
 *
 * @param store the cache store directory
 * @param run the cached run id
 * @param hook the hook to train on
 * @param kind ReLU + L1 or TopK
 * @param latents dictionary size
 * @param k TopK's k
 * @param l1 the L1 coefficient
 * @param steps explicit steps, or -1
 * @param epochs passes over the training rows when {@code steps} is -1
 * @param batch rows per step
 * @param lr learning rate
 * @param seed random seed
 * @param resampleEvery steps between dead-latent resamplings, -1 for the default, 0 for none
 * @param holdout fraction of sequences held out for evaluation
 * @param threads worker threads
 * @param shuffle mixing-buffer rows
 * @param out the output directory
 */
public record TrainOptions(Path store, String run, String hook, SaeKind kind, int latents, int k, double l1,
        long steps, double epochs, int batch, double lr, long seed, int resampleEvery, double holdout, int threads,
        int shuffle, Path out) {
    /** The command's options. */
    public static final List<CommandOption> KNOWN = List.of(
            CommandOption.path("store", "DIR", "activation cache (default runs/cache)"),
            CommandOption.text("run", "RUN", "a cached run id, see 'viv cache ls'"),
            CommandOption.text("hook", "HOOK", "e.g. blocks.1.hook_resid_post"),
            CommandOption.text("kind", "relu|topk", "SAE kind (default relu)"),
            CommandOption.integer("latents", "N", "dictionary size (default 1024)", 1, 1 << 20),
            CommandOption.integer("k", "K", "active latents for topk (default 32)", 1, 1 << 20),
            CommandOption.number("l1", "X", "L1 penalty for relu, 0 or more (default 0.01)", 0, Double.MAX_VALUE),
            CommandOption.integer("steps", "N", "training steps (or --epochs)", 1, 1_000_000_000),
            CommandOption.number("epochs", "X", "passes over the run (default 1)", -Double.MAX_VALUE, Double.MAX_VALUE),
            CommandOption.integer("batch", "N", "batch size (default 256)", 1, 1 << 16),
            CommandOption.number("lr", "X", "learning rate, above 0 (default 1e-3)", Double.MIN_VALUE,
                    Double.MAX_VALUE),
            CommandOption.integer("seed", "N", "random seed (default 1)", 0, Long.MAX_VALUE),
            CommandOption.integer("resample-every", "N", "resample dead latents every N steps, 0 never", 0,
                    Integer.MAX_VALUE),
            CommandOption.number("holdout", "F", "share held out for evaluation, in [0, 0.5)",
                    -Double.MAX_VALUE, Double.MAX_VALUE),
            CommandOption.integer("threads", "N",
                    "Java worker threads (default 2, or 1 when the native BLAS threads fill the cores)", 1, 256),
            CommandOption.integer("shuffle", "N", "shuffle buffer rows (default 32768)", 1, 1 << 24),
            CommandOption.path("out", "DIR", "output directory (default runs/sae/NAME)"));


    /** The usage line. */
    public static final String USAGE = "viv sae train --run RUN --hook HOOK [--store runs/cache] [--kind relu|topk]"
            + " [--latents 1024] [--k 32] [--l1 0.01] [--steps N | --epochs 1] [--batch 256] [--lr 1e-3] [--seed 1]"
            + " [--resample-every N|0] [--holdout 0.05] [--threads 2] [--shuffle 32768] [--out runs/sae/NAME]";


    /**
     * Parses the arguments.
     *
     * @param a the arguments after {@code viv sae train}
     * @param workDir what relative paths resolve against
     * @param nativeThreads the linear-algebra library's native threads (for the default worker count)
     * @return the options
     * @throws VivariumException for unknown options or out-of-range values
     */
    public static TrainOptions parse(CommandInput a, Path workDir, int nativeThreads) {
        a.noPositionals();
        String run = a.require("run");
        String hook = a.require("hook");
        SaeKind kind = SaeKind.parse(a.get("kind", "relu"));
        if (a.has("steps") && a.has("epochs")) {
            throw new VivariumException("--steps and --epochs are both given", "pass only one of them");
        }
        double holdout = a.getDouble("holdout", 0.05);
        if (holdout < 0 || holdout >= 0.5) {
            throw new VivariumException("--holdout " + holdout + " must be in [0, 0.5)", "e.g. --holdout 0.05");
        }
        double epochs = a.getDouble("epochs", 1);
        if (epochs <= 0) {
            throw new VivariumException("--epochs " + epochs + " must be > 0", "e.g. --epochs 2");
        }
        int threads = a.getInt("threads",
                WorkerThreads.byDefault(nativeThreads, Runtime.getRuntime().availableProcessors()));
        Path out = workDir.resolve(a.get("out", "runs/sae/" + run + "-" + kind.label())).normalize();
        return new TrainOptions(workDir.resolve(a.get("store", "runs/cache")).normalize(), run, hook, kind,
                a.getInt("latents", 1024), a.getInt("k", 32), a.getDouble("l1", 0.01),
                a.getLong("steps", -1), epochs, a.getInt("batch", 256),
                a.getDouble("lr", 1e-3), a.getLong("seed", 1), a.getInt("resample-every", -1),
                holdout, threads, a.getInt("shuffle", 32768), out);
    }
}
