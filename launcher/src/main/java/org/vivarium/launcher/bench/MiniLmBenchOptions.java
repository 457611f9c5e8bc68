package org.vivarium.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.args.Limits;
import org.vivarium.launcher.cli.UsageException;

/**
 * The options of {@code viv bench forward --model minilm}.
 *
 * @param sentences how many State of the Union sentences each round runs
 * @param batches the batch sizes, each measured on its own
 * @param rounds measured rounds per engine and batch size (after one warm-up round each)
 * @param threads the intra-op and inter-op threads of both engines
 */
record MiniLmBenchOptions(int sentences, List<Integer> batches, int rounds, int threads) {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.text("model", "NAME", "the model benchmarked"),
            CommandOption.integer("sentences", "N", "sentences per round", 1, 100_000),
            CommandOption.text("batch", "A,B", "batch sizes"),
            CommandOption.integer("rounds", "N", "timed rounds", 1, 1000),
            CommandOption.integer("threads", "N", "PyTorch threads", 1, 256));

    /** The usage form, also part of {@code viv bench}'s usage. */
    static final String USAGE = "bench forward --model minilm [--sentences N] [--batch 1,16] [--rounds N]"
            + " [--threads N]";
    /** The only model this benchmark knows. */
    static final String MODEL = "minilm";

    /**
     * Whether a {@code bench forward} command line asks for a pretrained model rather than a {@code --config}.
     *
     * @param args the arguments after {@code forward}
     * @return whether {@code --model} is among them
     */
    static boolean requested(List<String> args) {
        return args.stream().anyMatch(a -> a.equals("--model") || a.startsWith("--model="));
    }

    /**
     * Parses the arguments after {@code forward}.
     *
     * @param args e.g. {@code --model minilm --batch 1,16 --threads 2}
     * @return the options
     * @throws UsageException for an unknown model, option or out-of-range number
     */
    static MiniLmBenchOptions parse(List<String> args) {
        CommandInput f = CommandParser.parse(args, OPTIONS, USAGE);
        String model = f.get("model", MODEL);
        if (!model.equals(MODEL)) {
            throw new UsageException("no benchmark for model \"" + model + "\" (supported: " + MODEL
                    + ", the MiniLM-L6 encoder against ONNX Runtime)", USAGE);
        }
        int threads = f.getInt("threads", Runtime.getRuntime().availableProcessors());
        return new MiniLmBenchOptions(f.getInt("sentences", 256), batches(f.get("batch", "1,16")),
                f.getInt("rounds", 5), threads);
    }

    private static List<Integer> batches(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                int b = Integer.parseInt(part.strip());
                if (b < 1 || b > Limits.MAX_BATCH) {
                    throw new NumberFormatException();
                }
                out.add(b);
            } catch (NumberFormatException e) {
                throw new UsageException("--batch \"" + text + "\" must be batch sizes from 1 to " + Limits.MAX_BATCH
                        + " separated by commas, e.g. 1,16", USAGE);
            }
        }
        return List.copyOf(out);
    }
}
