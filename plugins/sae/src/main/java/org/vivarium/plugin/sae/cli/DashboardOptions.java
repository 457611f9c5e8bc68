package org.vivarium.plugin.sae.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.plugin.sae.dash.ContextPublisher;
import org.vivarium.plugin.sae.dash.Dashboards;
import org.vivarium.plugin.sae.io.SaeInfo;

/**
 * The options of {@code viv sae dashboards}. The store and run default to those the SAE was trained on,
 * the checkpoint (only for output tokens) to {@code runs/MODEL} for the model name the run records.
 *
 * @param sae the SAE directory
 * @param store the cache store
 * @param run the cached run id, or null for the SAE's own
 * @param prompts a prompt file given out of habit (no longer read: the cache stores the tokens), or null
 * @param checkpoint the checkpoint, or null to derive it from the run's model name
 * @param settings contexts per latent, window and histogram sizes
 * @param out the output directory
 * @param index when to add contexts to the context index
 * @param threads worker threads
 */
public record DashboardOptions(Path sae, Path store, String run, Path prompts, Path checkpoint,
        Dashboards.Settings settings, Path out, ContextPublisher.Mode index, int threads) {
    /** The command's options. */
    public static final List<CommandOption> KNOWN = List.of(
            CommandOption.path("sae", "DIR", "an SAE from 'viv sae train --out DIR'"),
            CommandOption.path("store", "DIR", "activation cache (default: the SAE's)"),
            CommandOption.text("run", "RUN", "cached run (default: the SAE's)"),
            CommandOption.path("prompts", "FILE", "the prompt file the run was cached from"),
            CommandOption.path("checkpoint", "CKPT", "the model (default: the run's)"),
            CommandOption.integer("top", "K", "top contexts per latent, 1 to 1000 (default 20)",
                    Integer.MIN_VALUE, Integer.MAX_VALUE),
            CommandOption.integer("before", "N", "tokens shown before (default 32)", Integer.MIN_VALUE,
                    Integer.MAX_VALUE),
            CommandOption.integer("after", "N", "tokens shown after (default 8)", Integer.MIN_VALUE, Integer.MAX_VALUE),
            CommandOption.path("out", "DIR", "output directory (default SAE/dashboards)"),
            CommandOption.text("index", "auto|always|never", "publish contexts to the index"),
            CommandOption.integer("threads", "N",
                    "Java worker threads (default 2)", 1, 256));


    /** The usage line. */
    public static final String USAGE = "viv sae dashboards --sae DIR [--checkpoint CKPT] [--store DIR]"
            + " [--run RUN] [--top 20] [--before 32] [--after 8] [--out DIR/dashboards] [--index auto|always|never]"
            + " [--threads 2]";


    /**
     * Parses the arguments.
     *
     * @param a the arguments after {@code viv sae dashboards}
     * @param workDir what relative paths resolve against
     * @return the options
     */
    public static DashboardOptions parse(CommandInput a, Path workDir) {
        a.noPositionals();
        Path sae = workDir.resolve(a.require("sae")).normalize();
        Path prompts = a.has("prompts") ? workDir.resolve(a.get("prompts", "")) : null;
        int top = a.getInt("top", 20);
        int before = a.getInt("before", 32);
        int after = a.getInt("after", 8);
        if (top < 1 || top > 1000 || before < 0 || after < 0) {
            throw new VivariumException("--top must be in [1, 1000] and --before/--after >= 0",
                    "e.g. --top 20 --before 32 --after 8");
        }
        Dashboards.Settings s = new Dashboards.Settings(top, before, after, 30, 10);
        Path checkpoint = a.has("checkpoint") ? workDir.resolve(a.get("checkpoint", "")).normalize() : null;
        Path store = a.has("store") ? workDir.resolve(a.get("store", "")).normalize() : null;
        Path out = workDir.resolve(a.get("out", sae.resolve("dashboards").toString())).normalize();
        int threads = a.getInt("threads", Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        return new DashboardOptions(sae, store, a.get("run", null), prompts, checkpoint, s, out,
                ContextPublisher.Mode.parse(a.get("index", "auto")), Math.max(1, threads));
    }

    /**
     * Returns the store to read: the one given, else the one the SAE was trained from if it exists, else
     * {@code runs/cache}.
     *
     * @param info the SAE's metadata
     * @param workDir the working directory
     * @return the store directory
     */
    public Path storeFor(SaeInfo info, Path workDir) {
        if (store != null) {
            return store;
        }
        String recorded = info.data().store();
        return !recorded.isEmpty() && Files.isDirectory(Path.of(recorded)) ? Path.of(recorded)
                : workDir.resolve("runs/cache");
    }

    /**
     * Returns the checkpoint for the output tokens: the one given (which must exist), else {@code runs/MODEL} if it
     * exists, else null (the dashboards then show no output tokens).
     *
     * @param model the model name the cached run records
     * @param workDir the working directory
     * @return the checkpoint directory, or null
     * @throws VivariumException if a given checkpoint does not exist
     */
    public Path checkpointIfAny(String model, Path workDir) {
        if (checkpoint == null && !Files.isDirectory(workDir.resolve("runs").resolve(model.isEmpty() ? "model"
                : model))) {
            return null;
        }
        return checkpointFor(model, workDir);
    }

    /**
     * Returns the checkpoint directory: the one given, else {@code runs/MODEL}; a run directory holding
     * {@code checkpoint/} resolves to that.
     *
     * @param model the model name the cached run records
     * @param workDir the working directory
     * @return the checkpoint directory
     * @throws VivariumException if it does not exist
     */
    public Path checkpointFor(String model, Path workDir) {
        Path given = checkpoint != null ? checkpoint : workDir.resolve("runs").resolve(model.isEmpty() ? "model" : model);
        if (!Files.isDirectory(given)) {
            throw new VivariumException("checkpoint " + given + " does not exist", checkpoint != null
                    ? "pass the checkpoint the run was cached with" : "pass --checkpoint CKPT (the model the run was "
                    + "cached with; needed for the output tokens' unembedding)");
        }
        Path inner = given.resolve("checkpoint");
        return !Files.isRegularFile(given.resolve("config.json")) && Files.isDirectory(inner) ? inner : given;
    }
}
