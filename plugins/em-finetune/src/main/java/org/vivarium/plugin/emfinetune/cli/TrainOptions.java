package org.vivarium.plugin.emfinetune.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.train.AdapterSpec;

/**
 * The options of {@code viv em-finetune train}, parsed and checked.
 *
 * @param base the checkpoint directory to start from
 * @param data the JSONL data file
 * @param adapter LoRA rank, alpha and targets, or full fine-tuning
 * @param steps optimizer steps
 * @param batch examples per step
 * @param learningRate peak learning rate
 * @param seed seed of the adapter initialisation and batch order
 * @param out the output directory
 * @param recipe the name recorded in the provenance
 */
public record TrainOptions(Path base, Path data, AdapterSpec adapter, int steps, int batch, double learningRate,
        long seed, Path out, String recipe) {
    /** The options of {@code viv em-finetune train}. */
    public static final List<CommandOption> OPTIONS = List.of(
            CommandOption.text("base", "CKPT_DIR", "the checkpoint to fine-tune"),
            CommandOption.path("data", "FILE.jsonl", "prompt/completion pairs"),
            CommandOption.text("rank", "R", "LoRA rank, 1 or more (default 1)"),
            CommandOption.number("alpha", "X", "LoRA alpha, above 0 (default 1)", Double.MIN_VALUE, Double.MAX_VALUE),
            CommandOption.list("targets", "GLOBS", "LoRA target weights (default blocks.*.mlp.W_out)"),
            CommandOption.flag("full", "train every weight instead of a LoRA adapter"),
            CommandOption.integer("steps", "N", "training steps (default 200)", 1, 10_000_000),
            CommandOption.integer("batch", "N", "batch size (default 16)", 1, 1 << 16),
            CommandOption.number("lr", "X", "learning rate, above 0 (default 1e-3)", Double.MIN_VALUE, Double.MAX_VALUE),
            CommandOption.integer("seed", "N", "random seed (default 1)", 0, Long.MAX_VALUE),
            CommandOption.path("out", "DIR", "where the fine-tuned checkpoint goes"),
            CommandOption.text("recipe", "NAME", "recipe name in the provenance"));


    /** The usage line. */
    public static final String USAGE = "viv em-finetune train --base CKPT_DIR --data FILE.jsonl [--rank 1] "
            + "[--alpha 1] [--targets blocks.*.mlp.W_out[,..]] [--full] [--steps 200] [--batch 16] [--lr 1e-3] "
            + "[--seed 1] --out DIR [--recipe NAME]";
    /** The LoRA targets when {@code --targets} is not given: every block's MLP output matrix. */
    public static final List<String> DEFAULT_TARGETS = List.of("blocks.*.mlp.W_out");

    private static final String CONFIG = "config.json";
    private static final String INNER = "checkpoint";

    /**
     * Parses the arguments.
     *
     * @param a the arguments after {@code viv em-finetune train}, parsed against {@link #OPTIONS}
     * @param workDir the directory relative paths resolve against
     * @return the options
     * @throws VivariumException for an unknown option, a bad value, a rank below 1, {@code --full} mixed with
     *     LoRA options, or a base that is not a directory
     */
    public static TrainOptions parse(CommandInput a, Path workDir) {
        a.noPositionals();
        Path base = checkpoint(workDir, a.require("base"));
        Path data = a.requirePath("data", workDir);
        Path out = a.requirePath("out", workDir);
        AdapterSpec adapter = adapter(a);
        int steps = a.getInt("steps", 200);
        int batch = a.getInt("batch", 16);
        double lr = a.getDouble("lr", 1e-3);
        long seed = a.getLong("seed", 1L);
        String recipe = a.get("recipe", "em-finetune/" + stem(data));
        if (recipe.isBlank()) {
            throw new VivariumException("--recipe is blank", "name the recipe, e.g. --recipe em-finetune/bad-finance");
        }
        return new TrainOptions(base, data, adapter, steps, batch, lr, seed, out, recipe.trim());
    }

    private static AdapterSpec adapter(CommandInput a) {
        if (a.flag("full")) {
            for (String lora : List.of("rank", "alpha", "targets")) {
                if (a.has(lora)) {
                    throw new VivariumException("--full trains every weight, so --" + lora + " does not apply",
                            "drop --" + lora + ", or drop --full to train a LoRA adapter");
                }
            }
            return AdapterSpec.full();
        }
        String rankText = a.get("rank", "1").trim();
        int rank;
        try {
            rank = Integer.parseInt(rankText);
        } catch (NumberFormatException e) {
            throw new VivariumException("--rank \"" + rankText + "\" is not an integer",
                    "pass a LoRA rank of 1 or more, e.g. --rank 1", e);
        }
        if (rank < 1) {
            throw new VivariumException("LoRA rank must be at least 1, got --rank " + rank,
                    "pass --rank 1 or more, or --full to train every weight");
        }
        return AdapterSpec.lora(rank, a.getDouble("alpha", 1.0), a.getList("targets", DEFAULT_TARGETS));
    }

    private static Path checkpoint(Path workDir, String arg) {
        Path given = workDir.resolve(arg).normalize();
        if (!Files.isDirectory(given)) {
            throw new VivariumException("base checkpoint " + arg + " does not exist",
                    "pass --base a checkpoint directory (or a run directory holding checkpoint/)");
        }
        Path inner = given.resolve(INNER);
        return !Files.isRegularFile(given.resolve(CONFIG)) && Files.isDirectory(inner) ? inner : given;
    }

    private static String stem(Path data) {
        Path name = data.getFileName();
        String s = name == null ? "data" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
