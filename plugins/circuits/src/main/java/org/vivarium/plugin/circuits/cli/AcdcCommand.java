package org.vivarium.plugin.circuits.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.circuits.acdc.Acdc;
import org.vivarium.plugin.circuits.acdc.AcdcResult;
import org.vivarium.plugin.circuits.acdc.CircuitGraph;
import org.vivarium.plugin.circuits.acdc.EdgePatchedForward;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.metric.KlDivergence;
import org.vivarium.plugin.circuits.metric.Metric;
import org.vivarium.plugin.circuits.report.AcdcFiles;

/**
 * {@code viv circuits acdc CKPT --task induction [--tau 0.05]}: automatic circuit discovery over the head/MLP
 * graph, written as {@code acdc.svg} and {@code acdc.json}.
 */
public final class AcdcCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.text("task", "induction", "the task whose circuit is searched"),
            CommandOption.number("tau", "X", "pruning threshold, 0 or more (default 0.05)", 0, Double.MAX_VALUE),
            CommandOption.text("metric", "kl|loss", "what a pruned edge may not change (default kl)"),
            CommandOption.integer("sequences", "N", "repeated random sequences (default 16)", 1, 4096),
            CommandOption.integer("seed", "N", "random seed (default 1)", 0, Long.MAX_VALUE),
            CommandOption.path("out", "DIR", "output directory (default runs/circuits/MODEL/COMMAND)"));

    static final String USAGE = "CKPT --task induction [--tau 0.05] [--metric kl|loss] [--sequences 16] [--seed 1]"
            + " [--out DIR]";

    @Override
    public String name() {
        return "acdc";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "automatic circuit discovery (ACDC): prune edges between heads, MLPs and logits, draw the circuit";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        Path ckpt = CommandInputs.checkpoint(a, ctx.workDir());
        String task = a.require("task");
        if (!task.equals("induction")) {
            throw new VivariumException("unknown ACDC task \"" + task + "\"",
                    "use --task induction (repeated random tokens A A against B A, scored on the repeat)");
        }
        double tau = a.getDouble("tau", 0.05);
        String metricName = a.get("metric", "kl").toLowerCase(Locale.ROOT);
        if (!metricName.equals("kl") && !metricName.equals("loss")) {
            throw new VivariumException("unknown ACDC metric \"" + metricName + "\"",
                    "use --metric kl (KL to the clean model) or --metric loss (the in-context loss)");
        }
        Path out = CommandInputs.out(a, ctx.workDir(), ckpt, "acdc");
        try (Model model = ctx.runtime().load(ckpt)) {
            RepeatedSequences s = PatchInputs.induction(a, model);
            EdgePatchedForward f = new EdgePatchedForward(model, s.clean(), s.corrupted());
            Metric loss = s.repeatLoss();
            Metric score = metricName.equals("kl")
                    ? new KlDivergence(model.runWithHooks(s.clean(), List.of()), s.half() + 1, 2 * s.half())
                    : loss;
            AcdcResult r;
            try (Progress p = ctx.progress("acdc", Acdc.steps(CircuitGraph.of(model.config())), "edge")) {
                r = Acdc.run(f, score, loss, tau, p);
            }
            AcdcFiles.write(out, r, task);
            print(ctx, r);
            ctx.out().println("wrote " + out + " (acdc.svg, acdc.json)");
        }
        return 0;
    }

    private static void print(MethodContext ctx, AcdcResult r) {
        ctx.out().printf(Locale.ROOT, "score: %s; tau %s%n", r.scoreMetric(), r.tau());
        ctx.out().printf(Locale.ROOT, "  clean %.4f, corrupted %.4f, circuit %.4f%n", r.score().clean(),
                r.score().corrupted(), r.score().circuit());
        ctx.out().printf(Locale.ROOT, "%s: clean %.4f, corrupted %.4f, circuit %.4f; the circuit keeps %.3f of the"
                + " gap%n", r.lossMetric(), r.loss().clean(), r.loss().corrupted(), r.loss().circuit(), r.loss().kept());
        ctx.out().printf(Locale.ROOT, "circuit: %d of %d edges, %d forward passes%n", r.kept().size(),
                r.graph().edges().size(), r.passes());
        r.decisions().stream().filter(AcdcResult.Decision::kept).forEach(d -> ctx.out().printf(Locale.ROOT,
                "  %-22s score change %.4f%n", d.edge().id(), d.change()));
    }
}
