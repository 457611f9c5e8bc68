package org.vivarium.plugin.emfinetune.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.plugin.emfinetune.data.ExamplesFile;

/**
 * {@code viv em-finetune train}: fine-tunes a checkpoint on a JSONL file of prompt/completion pairs (loss on the
 * completions only) through the host's {@link org.vivarium.api.train.FineTuner}, with a LoRA adapter (rank 1 by
 * default) or every weight, and prints where the checkpoint and adapter went and how the loss moved.
 */
public final class TrainCommand implements MethodCommand {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return TrainOptions.USAGE.substring("viv em-finetune train ".length());
    }

    @Override
    public String summary() {
        return "fine-tune a checkpoint on prompt/completion pairs (a LoRA adapter or every weight)";
    }

    @Override
    public List<CommandOption> options() {
        return TrainOptions.OPTIONS;
    }

    @Override
    public int run(CommandInput args, MethodContext context) {
        TrainOptions o = TrainOptions.parse(args, context.workDir());
        List<TrainingExample> examples = ExamplesFile.read(o.data());
        PrintStream out = context.out();
        out.printf(Locale.ROOT, "fine-tuning %s on %d examples from %s: %s, %d steps x batch %d, lr %s, seed %d%n",
                o.base(), examples.size(), o.data(), o.adapter().describe(), o.steps(), o.batch(),
                o.learningRate(), o.seed());
        FineTuneRequest request = new FineTuneRequest(o.base(), examples, o.adapter(), o.steps(), o.batch(),
                o.learningRate(), o.seed(), o.out(), o.recipe());
        FineTuneResult r;
        try (Progress p = context.progress("em-finetune: fine-tuning", o.steps(), "step")) {
            r = context.fineTuner().fineTune(request, p);
        }
        out.printf(Locale.ROOT, "loss (nats/token, completion tokens): first %.4f -> last %.4f%n", r.firstLoss(),
                r.lastLoss());
        if (r.skippedSteps() > 0) {
            out.printf(Locale.ROOT, "warning: %d of %d steps were skipped (loss or gradient not finite); "
                    + "try a lower --lr%n", r.skippedSteps(), o.steps());
        }
        out.println("checkpoint: " + r.checkpoint());
        r.adapter().ifPresentOrElse(a -> out.println("adapter:    " + a), () -> out.println("adapter:    none "
                + "(full fine-tune)"));
        out.println("loss curve: " + o.out().resolve("loss.csv") + ", " + o.out().resolve("loss.png"));
        return 0;
    }
}
