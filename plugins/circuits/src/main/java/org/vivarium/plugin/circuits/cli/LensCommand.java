package org.vivarium.plugin.circuits.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.lens.DirectLogitAttribution;
import org.vivarium.plugin.circuits.lens.DlaResult;
import org.vivarium.plugin.circuits.lens.LensResult;
import org.vivarium.plugin.circuits.lens.LogitLens;
import org.vivarium.plugin.circuits.report.LensFiles;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * {@code viv circuits lens CKPT --prompt TEXT ...}: the logit lens before every block and direct logit attribution
 * per layer and per head at one position.
 */
public final class LensCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.text("prompt", "TEXT", "the prompt"),
            CommandOption.text("answer", "TOK", "the answer token to follow"),
            CommandOption.text("wrong", "TOK", "a wrong token to compare with"),
            CommandOption.integer("position", "P", "token position, negative from the end (default -1)",
                    Integer.MIN_VALUE,
                    Integer.MAX_VALUE),
            CommandOption.integer("top", "K", "top tokens per layer (default 5)", 1, 100),
            CommandOption.path("out", "DIR", "output directory (default runs/circuits/MODEL/COMMAND)"));

    static final String USAGE = "CKPT --prompt TEXT [--answer TOK] [--wrong TOK] [--position -1] [--top 5] [--out DIR]";

    @Override
    public String name() {
        return "lens";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "logit lens per layer and direct logit attribution per layer and head for one prompt";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        Path ckpt = CommandInputs.checkpoint(a, ctx.workDir());
        Path out = CommandInputs.out(a, ctx.workDir(), ckpt, "lens");
        int top = a.getInt("top", 5);
        try (Model model = ctx.runtime().load(ckpt)) {
            ModelConfig cfg = model.config();
            Tokenizer tok = model.tokenizer();
            int[] tokens = CommandInputs.prompt(tok, cfg, a.require("prompt"), "prompt");
            int position = a.getInt("position", -1);
            if (position < -tokens.length || position > tokens.length - 1) {
                throw new VivariumException("--position \"" + position + "\" is out of range (allowed: "
                        + -tokens.length + " to " + (tokens.length - 1) + " for this prompt)",
                        "usage: viv circuits lens " + USAGE);
            }
            int pos = position < 0 ? tokens.length + position : position;
            Map<String, Tensor> weights = model.weights();
            int answer = a.has("answer") ? CommandInputs.token(tok, a.get("answer", ""), "answer") : -1;
            int wrong = a.has("wrong") ? CommandInputs.token(tok, a.get("wrong", ""), "wrong") : -1;
            if (wrong >= 0 && answer < 0) {
                throw new VivariumException("--wrong needs --answer", "pass --answer TOK as well");
            }
            LensResult lens = LogitLens.run(model, weights, tokens, pos, answer, top);
            if (answer < 0) {
                answer = lens.top().get(lens.top().size() - 1).get(0).token();
            }
            String label = "logit(" + CommandInputs.show(tok, answer) + ")"
                    + (wrong >= 0 ? " - logit(" + CommandInputs.show(tok, wrong) + ")" : "");
            DlaResult dla = null;
            if (cfg.normalization() != Normalization.POST) {
                dla = DirectLogitAttribution.run(model, weights, new int[][] {tokens}, pos, answer, wrong, label);
            } else {
                ctx.out().println("post-LN model: direct logit attribution is not defined, only the lens is shown");
            }
            Map<String, String> images = LensFiles.write(out, lens, dla, tokens, tok, cfg);
            print(ctx, lens, dla, tok, cfg, pos);
            ctx.out().println("wrote " + out + " (lens.json, " + String.join(", ", images.keySet()) + ")");
        }
        return 0;
    }

    private static void print(MethodContext ctx, LensResult lens, DlaResult dla, Tokenizer tok, ModelConfig cfg,
            int pos) {
        ctx.out().println("logit lens at position " + pos + ":");
        List<String> header = new ArrayList<>(List.of("reads", "top tokens"));
        if (lens.answer() >= 0) {
            header.addAll(List.of("p(" + tok.tokenText(lens.answer()) + ")", "rank"));
        }
        Table t = Table.of(header);
        for (int r = 0; r < lens.rows().size(); r++) {
            StringBuilder s = new StringBuilder();
            for (LensResult.TokenScore ts : lens.top().get(r)) {
                s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%s:%.2f",
                        ts.text().replace("\n", "\\n"), ts.prob()));
            }
            List<Object> row = new ArrayList<>(List.of(lens.rows().get(r), s.toString()));
            if (lens.answer() >= 0) {
                row.add(Math.exp(lens.answerLogProb()[r]));
                row.add(lens.answerRank()[r]);
            }
            t.row(row);
        }
        ctx.out().print(MarkdownTable.of(t).decimals(3).render());
        if (dla == null) {
            return;
        }
        ctx.out().printf(Locale.ROOT, "direct logit attribution of %s at position %d (model: %.3f, sum of parts: %.3f%s):%n",
                dla.direction(), pos, dla.actual(), dla.sum(), dla.frozenScale() ? ", final LayerNorm scale frozen" : "");
        Map<String, Double> parts = components(dla, cfg);
        Table d = Table.of("component", "contribution");
        parts.forEach(d::row);
        ctx.out().print(MarkdownTable.of(d).decimals(3).render());
    }

    /**
     * The per-component contributions in forward order, heads included.
     *
     * @param dla the attribution
     * @param cfg the model
     * @return component name to contribution
     */
    public static Map<String, Double> components(DlaResult dla, ModelConfig cfg) {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("embed", dla.embed());
        parts.put("pos_embed", dla.posEmbed());
        for (int l = 0; l < cfg.nLayers(); l++) {
            for (int h = 0; h < cfg.nHeads(); h++) {
                parts.put("L" + l + "H" + h, dla.heads()[l][h]);
            }
            parts.put("L" + l + " b_O", dla.attnBias()[l]);
            if (dla.mlp().length > 0) {
                parts.put("L" + l + " mlp", dla.mlp()[l]);
            }
        }
        parts.put("biases (ln_final, b_U)", dla.constant());
        return parts;
    }
}
