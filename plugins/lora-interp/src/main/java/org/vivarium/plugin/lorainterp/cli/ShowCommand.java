package org.vivarium.plugin.lorainterp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.PromptFile;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.method.CheckpointArgument;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalyzer;
import org.vivarium.plugin.lorainterp.analysis.LoraInputs;
import org.vivarium.plugin.lorainterp.analysis.LoraInterpSettings;
import org.vivarium.plugin.lorainterp.analysis.ReferenceDirection;
import org.vivarium.plugin.lorainterp.analysis.TargetAnalysis;
import org.vivarium.plugin.lorainterp.contexts.ContextPublisher;
import org.vivarium.plugin.lorainterp.io.SteeringDirectionFile;
import org.vivarium.plugin.lorainterp.pass.Corpus;
import org.vivarium.plugin.lorainterp.report.LoraTables;

/**
 * {@code viv lora-interp show --adapter DIR [--checkpoint CKPT] [--direction FILE] [--prompts FILE]
 * [--pos FILE --neg FILE] [--top N]}: prints the spectrum of every adapted weight, the output directions'
 * cosines (with the mean difference of {@code --pos} minus {@code --neg}, and with a direction saved by
 * {@code viv steering direction}), the tokens they promote and suppress, and how the input directions fire on
 * the prompts; the top contexts go to the context index when the host has one.
 */
public final class ShowCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.path("adapter", "DIR", "the LoRA adapter directory"),
            CommandOption.text("checkpoint", "CKPT", "the merged checkpoint (default: found from the adapter)"),
            CommandOption.path("direction", "FILE", "a steering direction.json to compare with"),
            CommandOption.path("prompts", "FILE", "prompts, one a line"),
            CommandOption.path("pos", "FILE", "positive prompts"),
            CommandOption.path("neg", "FILE", "negative prompts"),
            CommandOption.integer("top", "K", "top tokens shown", 1, 1000));

    private static final String SYNOPSIS = "--adapter DIR [--checkpoint CKPT] [--direction FILE] [--prompts FILE] "
            + "[--pos FILE --neg FILE] [--top N]";
    private static final String USAGE = "viv lora-interp show " + SYNOPSIS;

    private final Supplier<Optional<ContextIndex>> index;

    /**
     * Creates the command.
     *
     * @param index the host's context index, looked up when the command runs
     */
    public ShowCommand(Supplier<Optional<ContextIndex>> index) {
        this.index = index;
    }

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String usage() {
        return SYNOPSIS;
    }

    @Override
    public String summary() {
        return "SVD of a LoRA adapter's updates, output directions vs contrast and unembedding, where inputs fire";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        a.noPositionals();
        Path adapter = a.requirePath("adapter", ctx.workDir());
        if (!Files.isDirectory(adapter)) {
            throw new VivariumException("adapter directory " + adapter + " does not exist",
                    "pass the directory holding adapter.safetensors and adapter_config.json");
        }
        int top = a.getInt("top", LoraInterpSettings.defaults().topTokens());
        Optional<Path> ckpt = CheckpointLocator.resolve(ctx.workDir(), a.get("checkpoint", null), adapter);
        Optional<ReferenceDirection> ref = a.path("direction", ctx.workDir()).map(SteeringDirectionFile::read);
        Corpus corpus = corpus(a, ctx.workDir());
        if (ckpt.isEmpty() && corpus.size() > 0) {
            throw new VivariumException("prompts need a model, and " + adapter + " is not a checkpoint",
                    "pass --checkpoint CKPT (the checkpoint the adapter was trained on, or its merged checkpoint)");
        }
        List<LoraFactor> factors = ctx.runtime().readAdapter(adapter);
        Model model = ckpt.map(ctx.runtime()::load).orElse(null);
        try {
            String modelName = ckpt.map(CheckpointArgument::modelName).orElse("adapter");
            LoraInputs in = new LoraInputs(factors, Optional.ofNullable(model), Optional.empty(), corpus, ref,
                    modelName, "lora-interp/" + CheckpointArgument.modelName(adapter));
            LoraAnalysis analysis = new LoraAnalyzer(LoraInterpSettings.defaults().withTopTokens(top)).analyze(in, ctx);
            print(analysis, adapter, ckpt, ctx.out());
            if (!analysis.contexts().isEmpty()) {
                ContextPublisher.publish(index.get(), analysis.contexts(), ctx.out());
            }
        } finally {
            if (model != null) {
                model.close();
            }
        }
        return 0;
    }

    private static Corpus corpus(CommandInput a, Path workDir) {
        Optional<Path> pos = a.path("pos", workDir);
        Optional<Path> neg = a.path("neg", workDir);
        if (pos.isPresent() != neg.isPresent()) {
            throw new VivariumException("--pos and --neg go together", "pass both prompt files, or neither; usage: "
                    + USAGE);
        }
        List<String> p = pos.map(f -> PromptFile.read(f, "--pos")).orElse(List.of());
        List<String> n = neg.map(f -> PromptFile.read(f, "--neg")).orElse(List.of());
        List<String> u = a.path("prompts", workDir).map(f -> PromptFile.read(f, "--prompts")).orElse(List.of());
        return Corpus.of(p, n, u);
    }

    private static void print(LoraAnalysis a, Path adapter, Optional<Path> ckpt, PrintStream out) {
        out.println("LoRA adapter " + adapter + ": " + a.targets().size() + " adapted weight"
                + (a.targets().size() == 1 ? "" : "s") + ckpt.map(c -> ", model " + c).orElse(""));
        out.println();
        out.print(LoraTables.spectra(a));
        out.println();
        if (ckpt.isPresent() || a.reference().isPresent()) {
            a.reference().ifPresent(r -> out.println("--direction: " + r.source() + (r.hook().isEmpty() ? ""
                    : " (fitted at " + r.hook() + ")")));
            out.print(LoraTables.directions(a));
            out.println();
            String bySite = LoraTables.bySite(a);
            if (!bySite.isEmpty()) {
                out.println("cosine with the mean difference at every residual site:");
                out.print(bySite);
                out.println();
            }
        }
        for (TargetAnalysis t : a.targets()) {
            t.unembed().ifPresent(u -> {
                out.println("tokens promoted and suppressed by the output direction of " + t.target() + ":");
                out.print(LoraTables.tokens(u));
                out.println();
            });
        }
        if (a.positives() + a.negatives() + a.unlabelled() > 0) {
            out.print(LoraTables.components(a));
            out.println();
        }
        if (ckpt.isEmpty()) {
            out.println("no checkpoint: pass --checkpoint CKPT to read the output directions through the "
                    + "unembedding and see where the input directions fire");
        }
    }
}
