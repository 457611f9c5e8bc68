package org.vivarium.plugin.steering.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.vivarium.api.cache.PromptFile;
import org.vivarium.api.method.CheckpointArgument;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.direction.ContrastiveDirection;
import org.vivarium.plugin.steering.direction.LayerChoice;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.direction.ResidualSites;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.extract.ResidualReader;
import org.vivarium.plugin.steering.extract.ResidualSet;
import org.vivarium.plugin.steering.io.DirectionFile;
import org.vivarium.plugin.steering.io.DirectionProvenance;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * {@code viv steering direction CKPT --pos FILE --neg FILE [--layer L] [--position last|mean] [--out DIR]}:
 * fits the mean-difference direction at every residual site on all prompts, scores each site by
 * cross-fitting (fit on even-indexed prompts, AUROC and Cohen's d on odd-indexed ones), prints the table
 * and saves the chosen site's direction to {@code DIR/direction.json}.
 */
public final class DirectionCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.path("pos", "FILE", "positive prompts, one a line"),
            CommandOption.path("neg", "FILE", "negative prompts, one a line"),
            CommandOption.integer("layer", "L", "layer (default: the best)", 0, Integer.MAX_VALUE),
            CommandOption.text("position", "last|mean", "token positions read (default last)"),
            CommandOption.path("out", "DIR", "output directory"));

    private static final String USAGE = "viv steering direction CKPT --pos FILE --neg FILE [--layer L] "
            + "[--position last|mean] [--out DIR]";

    @Override
    public String name() {
        return "direction";
    }

    @Override
    public String usage() {
        return "CKPT --pos FILE --neg FILE [--layer L] [--position last|mean] [--out DIR]";
    }

    @Override
    public String summary() {
        return "fit a contrastive (mean-difference) direction per residual layer from two prompt files";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) throws Exception {
        Path ckpt = CheckpointArgument.resolve(ctx.workDir(), a.onlyPositional("checkpoint directory"),
                CommandFixes.CHECKPOINT);
        List<String> pos = PromptFile.read(a.requirePath("pos", ctx.workDir()), "--pos");
        List<String> neg = PromptFile.read(a.requirePath("neg", ctx.workDir()), "--neg");
        PositionMode mode = PositionMode.parse(a.get("position", "last"));
        Path out = a.path("out", ctx.workDir())
                .orElse(ctx.workDir().resolve("runs/steering").resolve(CheckpointArgument.modelName(ckpt)));
        try (Model model = ctx.runtime().load(ckpt)) {
            int layer = a.getInt("layer", -1);
            if (layer >= 0) {
                ResidualSites.at(model.config(), layer);
            }
            List<LayerDirection> dirs = fit(model, mode, pos, neg, ctx);
            LayerDirection chosen = LayerChoice.choose(dirs, layer);
            String organism = organism(model);
            Path file = DirectionFile.write(out, chosen, mode, dirs, new DirectionProvenance(ckpt.toString(), organism,
                    model.provenance(), Map.of(), pos.size(), neg.size(), Instant.now().toString()));
            ctx.out().print(table(dirs, chosen));
            ctx.out().printf("saved the direction at %s (layer %d, |v| = %.4f) to %s%n", chosen.hook().path(),
                    chosen.layer(), chosen.norm(), file);
        }
        return 0;
    }

    private static List<LayerDirection> fit(Model model, PositionMode mode, List<String> pos, List<String> neg,
            MethodContext ctx) {
        ResidualReader reader = new ResidualReader(model, ResidualSites.all(model.config()), mode);
        ResidualSet p;
        ResidualSet n;
        try (Progress bar = ctx.progress("reading residuals", pos.size() + neg.size(), "prompt")) {
            p = reader.read(pos, bar::advance);
            n = reader.read(neg, bar::advance);
        }
        ResidualSet none = p.subset(new int[0]);
        List<LayerDirection> all = ContrastiveDirection.fit(model, p, n, none, none);
        if (pos.size() < 2 || neg.size() < 2) {
            return all;
        }
        List<LayerDirection> cross = ContrastiveDirection.fit(model, p.subset(parity(pos.size(), 0)),
                n.subset(parity(neg.size(), 0)), p.subset(parity(pos.size(), 1)), n.subset(parity(neg.size(), 1)));
        List<LayerDirection> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(all.get(i).withSeparation(cross.get(i).separation()));
        }
        return out;
    }

    private static int[] parity(int n, int rest) {
        return IntStream.range(0, n).filter(i -> i % 2 == rest).toArray();
    }

    private static String organism(Model model) {
        String recipe = model.provenance() == null ? "" : model.provenance().recipe();
        return recipe != null && recipe.startsWith("organism/") ? recipe.substring("organism/".length()) : "";
    }

    private static String table(List<LayerDirection> dirs, LayerDirection chosen) {
        Table t = Table.of("layer", "hook", "norm", "AUROC (cross-fit)", "Cohen's d", "saved");
        for (LayerDirection d : dirs) {
            t.row(d.layer(), d.hook().path(), d.norm(), d.separation().auroc(), d.separation().cohensD(),
                    d.layer() == chosen.layer() ? "*" : "");
        }
        return MarkdownTable.of(t).render();
    }
}
