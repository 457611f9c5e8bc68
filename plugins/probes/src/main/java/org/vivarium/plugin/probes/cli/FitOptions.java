package org.vivarium.plugin.probes.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CheckpointArgument;
import org.vivarium.api.method.CommandArgs;
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

    private static final Set<String> OPTIONS =
            Set.of("data", "hook", "position", "l2", "kind", "test-fraction", "seed", "out", "top-contexts");

    /**
     * Parses and validates the arguments.
     *
     * @param args arguments after {@code viv probes fit}
     * @param workDir the directory relative paths resolve against
     * @return the options
     * @throws VivariumException for a missing checkpoint or data option, or a bad value
     */
    public static FitOptions parse(List<String> args, Path workDir) {
        CommandArgs a = CommandArgs.parse(args, OPTIONS, "viv probes fit " + USAGE);
        Path checkpoint = CheckpointArgument.resolve(workDir, a.onlyPositional("a checkpoint directory (CKPT)"),
                "pass a checkpoint or run directory, e.g. one from 'viv organism train lm --out runs/lm'");
        Path data = a.requirePath("data", "FILE.tsv (one 'label<TAB>text' line per prompt)", workDir);
        String name = CheckpointArgument.modelName(checkpoint);
        Path outDir = a.path("out", workDir).orElse(workDir.resolve("runs").resolve("probes").resolve(name));
        double l2 = a.getDouble("l2", 1e-3);
        if (l2 < 0) {
            throw new VivariumException("--l2 must be >= 0, got " + l2, "pass e.g. --l2 1e-3 (0 turns it off)");
        }
        double fraction = a.getDouble("test-fraction", 0.25);
        if (!(fraction > 0 && fraction < 1)) {
            throw new VivariumException("--test-fraction must be between 0 and 1, got " + fraction,
                    "pass e.g. --test-fraction 0.25");
        }
        long top = a.getLong("top-contexts", 50);
        if (top < 1 || top > 10_000) {
            throw new VivariumException("--top-contexts must be 1..10000, got " + top, "pass e.g. --top-contexts 50");
        }
        FitSettings settings = new FitSettings(a.get("hook", FitSettings.DEFAULT_HOOKS),
                PositionMode.parse(a.get("position", "last")), l2,
                ProbeKind.parseSelection(a.get("kind", "both")), fraction, a.getLong("seed", 1));
        return new FitOptions(checkpoint, name, data, outDir.normalize(), settings, (int) top);
    }
}
