package org.vivarium.plugin.circuits.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.plugin.circuits.composition.CompositionKind;
import org.vivarium.plugin.circuits.composition.CompositionScores;
import org.vivarium.plugin.circuits.composition.HeadWeights;
import org.vivarium.plugin.circuits.report.CompositionFiles;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/** {@code viv circuits composition CKPT}: Q-, K- and V-composition scores between all heads, from the weights. */
public final class CompositionCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.integer("top", "K", "top head pairs shown (default 10)", 1, 10_000),
            CommandOption.integer("seed", "N", "random seed (default 1)", 0, Long.MAX_VALUE),
            CommandOption.path("out", "DIR", "output directory (default runs/circuits/MODEL/COMMAND)"));

    static final String USAGE = "CKPT [--top 10] [--seed 1] [--out DIR]";

    @Override
    public String name() {
        return "composition";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "Q-, K- and V-composition scores between heads (Elhage et al. 2021) with a random-matrix baseline";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        Path ckpt = CommandInputs.checkpoint(a, ctx.workDir());
        Path out = CommandInputs.out(a, ctx.workDir(), ckpt, "composition");
        int top = a.getInt("top", 10);
        try (Model model = ctx.runtime().load(ckpt)) {
            ModelConfig cfg = model.config();
            if (cfg.nLayers() < 2) {
                throw new org.vivarium.api.VivariumException("composition needs at least two layers; this model has "
                        + cfg.nLayers(), "use a model with two or more layers");
            }
            CompositionScores s = CompositionScores.compute(HeadWeights.of(cfg, model.weights()), cfg.dModel(),
                    a.getLong("seed", 1));
            Map<String, String> images = CompositionFiles.write(out, s);
            ctx.out().printf(Locale.ROOT, "random matrices of the same shapes score %.3f +- %.3f%n", s.baselineMean(),
                    s.baselineSd());
            for (CompositionKind k : CompositionKind.values()) {
                ctx.out().println(k.name() + "-composition, top " + top + ":");
                ctx.out().print(MarkdownTable.of(topPairs(s, k, top)).decimals(3).render());
            }
            ctx.out().println("wrote " + out + " (composition.json, " + String.join(", ", images.keySet()) + ")");
        }
        return 0;
    }

    static Table topPairs(CompositionScores s, CompositionKind kind, int top) {
        List<HeadRef[]> pairs = new ArrayList<>();
        for (HeadRef w : s.writers()) {
            for (HeadRef r : s.readers()) {
                if (r.layer() > w.layer()) {
                    pairs.add(new HeadRef[] {w, r});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((HeadRef[] p) -> -s.score(kind, p[0], p[1])));
        Table t = Table.of("writer", "reader", "score", "x random");
        for (HeadRef[] p : pairs.subList(0, Math.min(top, pairs.size()))) {
            double v = s.score(kind, p[0], p[1]);
            t.row(p[0].toString(), p[1].toString(), v, v / s.baselineMean());
        }
        return t;
    }
}
