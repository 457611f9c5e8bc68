package org.vivarium.plugin.circuits.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.path.PathGrid;
import org.vivarium.plugin.circuits.path.PathPatcher;
import org.vivarium.plugin.circuits.report.PathFiles;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * {@code viv circuits path CKPT ...}: path patching from every head to every later head's queries, keys or values
 * (singly and per layer), by the two-pass method, on two prompts or on repeated random tokens.
 */
public final class PathCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = PatchInputs.with(
            CommandOption.list("inputs", "q,k,v", "receiver inputs (default q,k,v)"),
            CommandOption.path("out", "DIR", "output directory (default runs/circuits/MODEL/path)"));

    static final String USAGE = "CKPT (--clean TEXT --corrupt TEXT (--answer TOK --wrong TOK | --span FROM:TO)"
            + " | --induction [--sequences 16] [--seed 1]) [--inputs q,k,v] [--out DIR]";

    @Override
    public String name() {
        return "path";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "path patching: each sender head's effect through later heads' q, k or v only, as a heatmap";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        Path ckpt = CommandInputs.checkpoint(a, ctx.workDir());
        Path out = CommandInputs.out(a, ctx.workDir(), ckpt, "path");
        List<HeadSite> inputs = inputs(a.getList("inputs", List.of("q", "k", "v")));
        try (Model model = ctx.runtime().load(ckpt)) {
            ModelConfig cfg = model.config();
            if (cfg.nLayers() < 2) {
                throw new VivariumException("path patching needs at least two layers, this model has "
                        + cfg.nLayers(), "use a model with two or more layers");
            }
            PatchInputs in = PatchInputs.of(a, model, "viv circuits path " + USAGE);
            PathPatcher pp = new PathPatcher(model, in.clean(), in.corrupted(), in.metric());
            PathGrid g;
            try (Progress p = ctx.progress("path patching", PathGrid.passes(cfg, inputs), "pass")) {
                g = PathGrid.run(pp, cfg, inputs, p);
            }
            boolean png = PathFiles.write(out, g);
            print(ctx, g);
            ctx.out().println("wrote " + out + " (path.json" + (png ? ", path.png" : "") + ")");
        }
        return 0;
    }

    static List<HeadSite> inputs(List<String> names) {
        List<HeadSite> out = new ArrayList<>();
        for (String n : names) {
            out.add(switch (n.toLowerCase(Locale.ROOT)) {
                case "q" -> HeadSite.Q;
                case "k" -> HeadSite.K;
                case "v" -> HeadSite.V;
                default -> throw new VivariumException("unknown receiver input \"" + n + "\"",
                        "use some of q, k, v (a path ends in a receiver head's queries, keys or values)");
            });
        }
        return out;
    }

    private static void print(MethodContext ctx, PathGrid g) {
        ctx.out().printf(Locale.ROOT, "%s: clean %.4f, corrupted %.4f%n", g.metric(), g.clean(), g.corrupted());
        List<String> header = new ArrayList<>(List.of("sender", "whole z"));
        header.addAll(g.columns());
        Table t = Table.of(header);
        double[][] n = g.normalizedPaths();
        for (int i = 0; i < n.length; i++) {
            List<Object> row = new ArrayList<>();
            row.add("L" + g.senders().get(i).layer() + "H" + g.senders().get(i).head());
            row.add(g.normalized(g.whole()[i]));
            for (double v : n[i]) {
                row.add(v);
            }
            t.row(row);
        }
        ctx.out().println("normalised (1 = clean, 0 = corrupted; low = the path carries the behaviour):");
        ctx.out().print(MarkdownTable.of(t).decimals(3).render());
    }
}
