package org.vivarium.plugin.circuits.cli;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.metric.LogitDifference;
import org.vivarium.plugin.circuits.metric.Metric;
import org.vivarium.plugin.circuits.metric.SpanLoss;
import org.vivarium.plugin.circuits.report.Plots;

/**
 * The clean and corrupted inputs and the metric that {@code patch} and {@code path} share: either two prompts
 * with {@code --answer/--wrong} or {@code --span}, or {@code --induction} repeated random tokens.
 *
 * @param clean {@code [batch][pos]} clean tokens
 * @param corrupted {@code [batch][pos]} corrupted tokens
 * @param metric what is measured
 * @param labels one label per position
 */
record PatchInputs(int[][] clean, int[][] corrupted, Metric metric, List<String> labels) {

    /** The options these inputs read. */
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.text("clean", "TEXT", "the clean prompt"),
            CommandOption.text("corrupt", "TEXT", "the corrupted prompt, as many tokens"),
            CommandOption.text("answer", "TOK", "the clean answer (logit-difference metric)"),
            CommandOption.text("wrong", "TOK", "the corrupted answer"),
            CommandOption.text("span", "FROM:TO", "positions whose loss is the metric"),
            CommandOption.flag("induction", "repeated random sequences, induction loss as the metric"),
            CommandOption.integer("sequences", "N", "repeated random sequences (default 16)", 1, 4096),
            CommandOption.integer("seed", "N", "random seed (default 1)", 0, Long.MAX_VALUE));

    /**
     * @param more the command's own options
     * @return these inputs' options followed by {@code more}
     */
    static List<CommandOption> with(CommandOption... more) {
        List<CommandOption> all = new ArrayList<>(OPTIONS);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    static PatchInputs of(CommandInput a, Model model, String usage) {
        return of(a, model, usage, a.flag("induction"));
    }

    static PatchInputs of(CommandInput a, Model model, String usage, boolean induction) {
        ModelConfig cfg = model.config();
        Tokenizer tok = model.tokenizer();
        if (induction) {
            if (a.has("clean") || a.has("corrupt") || a.has("answer") || a.has("wrong") || a.has("span")) {
                throw new VivariumException("--induction builds its own prompts and metric",
                        "drop --clean/--corrupt/--answer/--wrong/--span, or drop --induction");
            }
            RepeatedSequences s = induction(a, model);
            List<String> labels = new ArrayList<>();
            for (int p = 0; p < 2 * s.half(); p++) {
                labels.add(p < s.half() ? Integer.toString(p) : "r" + (p - s.half()));
            }
            return new PatchInputs(s.clean(), s.corrupted(), s.repeatLoss(), labels);
        }
        int[][] clean = {CommandInputs.prompt(tok, cfg, a.require("clean"), "clean")};
        int[][] corrupt = {CommandInputs.prompt(tok, cfg, a.require("corrupt"), "corrupt")};
        if (clean[0].length != corrupt[0].length) {
            throw new VivariumException("--clean is " + clean[0].length + " tokens but --corrupt is "
                    + corrupt[0].length, "patching needs prompts of the same token length");
        }
        return new PatchInputs(clean, corrupt, metric(a, tok, clean, usage), Plots.positions(clean[0], tok));
    }

    /**
     * Draws {@code --sequences} repeated random sequences {@code A A} and their corrupted twins {@code B A}.
     *
     * @param a the arguments
     * @param model the model
     * @return the sequences
     */
    static RepeatedSequences induction(CommandInput a, Model model) {
        ModelConfig cfg = model.config();
        return RepeatedSequences.random(Math.min(model.tokenizer().vocabSize(), cfg.dVocab()),
                a.getInt("sequences", 16), Math.min(16, cfg.nCtx() / 2), a.getLong("seed", 1));
    }

    private static Metric metric(CommandInput a, Tokenizer tok, int[][] clean, String usage) {
        boolean logit = a.has("answer") || a.has("wrong");
        if (logit == a.has("span")) {
            throw new VivariumException("choose one metric: --answer TOK --wrong TOK (logit difference at the last"
                    + " position) or --span FROM:TO (loss of the clean tokens FROM..TO-1)", "usage: " + usage);
        }
        if (logit) {
            int ans = CommandInputs.token(tok, a.require("answer"), "answer");
            int wrong = CommandInputs.token(tok, a.require("wrong"), "wrong");
            return LogitDifference.atLast(ans, wrong, CommandInputs.show(tok, ans) + " - " + CommandInputs.show(tok,
                    wrong));
        }
        String span = a.get("span", "");
        String[] parts = span.split(":");
        try {
            int from = Integer.parseInt(parts[0].trim());
            int to = Integer.parseInt(parts[1].trim());
            if (parts.length == 2 && from >= 1 && to > from && to <= clean[0].length) {
                return new SpanLoss(clean, from, to);
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw new VivariumException("--span \"" + span + "\" is not FROM:TO with 1 <= FROM < TO <= " + clean[0].length,
                "pass e.g. --span 1:" + clean[0].length + " (the loss of predicting tokens FROM..TO-1)");
    }
}
