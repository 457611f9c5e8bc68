package org.vivarium.plugin.probes.cli;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CheckpointArgument;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.fit.FitSettings;
import org.vivarium.plugin.probes.math.ProbeKind;

/**
 * The parsed arguments of {@code viv probes fit}.
 *
 * @param checkpoint the checkpoint directory
 * @param modelName a short model name
 * @param data the labelled prompt file
 * @param out the output directory
 * @param settings the fit settings
 * @param topContexts contexts kept per probe
 */
public record FitOptions(Path checkpoint, String modelName, Path data, Path out, FitSettings settings,
        int topContexts) {

    /** The argument synopsis. */
    public static final String USAGE = "CKPT --data FILE.tsv [--hook " + FitSettings.DEFAULT_HOOKS + "]"
            + " [--position last|mean|all] [--l2 1e-3] [--kind logistic|diffmean|mlp|both|all] [--test-fraction 0.25]"
            + " [--seed 1] [--out DIR] [--top-contexts 50]";

    /** The options of {@code viv probes fit}. */
    public static final List<CommandOption> OPTIONS = List.of(
            CommandOption.path("data", "FILE.tsv", "labelled prompts, one 'label<TAB>text' line each"),
            CommandOption.text("hook", "HOOKS", "hooks to probe, e.g. " + FitSettings.DEFAULT_HOOKS),
            CommandOption.text("position", "last|mean|all", "token positions read (default last)"),
            CommandOption.number("l2", "X", "L2 penalty, 0 turns it off (default 1e-3)", 0, Double.MAX_VALUE),
            CommandOption.text("kind", "logistic|diffmean|mlp|both|all", "probe kinds (default both)"),
            CommandOption.number("test-fraction", "F", "share of prompts held out, between 0 and 1 (default 0.25)",
                    -Double.MAX_VALUE, Double.MAX_VALUE),
            CommandOption.integer("seed", "N", "random seed (default 1)", 0, Long.MAX_VALUE),
            CommandOption.path("out", "DIR", "output directory (default runs/probes/NAME)"),
            CommandOption.integer("top-contexts", "N", "top contexts indexed per probe (default 50)", 1, 10_000));

    /**
     * Parses and validates the arguments.
     *
     * @param a arguments after {@code viv probes fit}, parsed against {@link #OPTIONS}
     * @param workDir the directory relative paths resolve against
     * @return the options
     * @throws VivariumException for a missing checkpoint or data option, or a bad value
     */
    public static FitOptions parse(CommandInput a, Path workDir) {
        Path checkpoint = CheckpointArgument.resolve(workDir, a.onlyPositional("a checkpoint directory (CKPT)"),
                "pass a checkpoint or run directory, e.g. one from 'viv organism train lm --out runs/lm'");
        Path data = a.requirePath("data", workDir);
        String name = CheckpointArgument.modelName(checkpoint);
        Path outDir = a.path("out", workDir).orElse(workDir.resolve("runs").resolve("probes").resolve(name));
        double l2 = a.getDouble("l2", 1e-3);
        double fraction = a.getDouble("test-fraction", 0.25);
        if (!(fraction > 0 && fraction < 1)) {
            throw new VivariumException("--test-fraction must be between 0 and 1, got " + fraction,
                    "pass e.g. --test-fraction 0.25");
        }
        long top = a.getLong("top-contexts", 50);
        FitSettings settings = new FitSettings(a.get("hook", FitSettings.DEFAULT_HOOKS),
                PositionMode.parse(a.get("position", "last")), l2,
                ProbeKind.parseSelection(a.get("kind", "both")), fraction, a.getLong("seed", 1));
        return new FitOptions(checkpoint, name, data, outDir.normalize(), settings, (int) top);
    }
}
