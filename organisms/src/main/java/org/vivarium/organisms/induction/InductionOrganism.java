package org.vivarium.organisms.induction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.api.train.TrainerSettings;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.organisms.BlindData;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.ReportFiles;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.organisms.training.OrganismTrainer;
import org.vivarium.report.plot.Heatmap;
import org.vivarium.report.table.Table;

/**
 * The induction organism (Olsson et al. 2022): a 2-layer attention-only transformer on sequences made
 * of a random block repeated with a random period. It should grow a previous-token head in layer 0
 * and an induction head in layer 1 that attends to the token after the earlier occurrence of the
 * current token and copies it.
 */
public final class InductionOrganism implements Organism {
    /** Symbols in the vocabulary. */
    public static final int VOCAB = 48;
    /** Training sequence length. */
    public static final int LENGTH = 40;
    /** Length of one copy in the evaluation sequences. */
    public static final int EVAL_HALF = 16;
    /** Minimum previous-token score of the best layer-0 head. */
    public static final float MIN_PREV = 0.3f;
    /** Minimum prefix-matching score of the best layer-1 head. */
    public static final float MIN_PREFIX = 0.4f;
    /** Minimum loss increase (nats) on the repeat when the induction head is ablated. */
    public static final float MIN_ABLATION_EFFECT = 0.5f;
    /**
     * Minimum copying positivity of the induction head's OV circuit (sum of eigenvalues over the sum of their
     * magnitudes, in [-1, 1]; 0 is what a random matrix gives on average, 1 a pure copier).
     */
    public static final float MIN_COPYING = 0.5f;
    /** Sequences in the blind audit's generic corpus. */
    public static final int BLIND_CORPUS = 64;
    private static final long BLIND_SEED = 0xB11D_5EEDL;

    @Override
    public String name() {
        return "induction";
    }

    @Override
    public String summary() {
        return "2-layer attention-only transformer on repeated random tokens; grows a previous-token head (L0)"
                + " and an induction head (L1)";
    }

    @Override
    public int defaultSteps() {
        return 2000;
    }

    /** @return the architecture of this organism */
    public static ModelConfig modelConfig() {
        return new ModelConfig(2, 64, 4, 16, 0, VOCAB, LENGTH, ActFn.GELU, true, Normalization.PRE,
                Positional.LEARNED);
    }

    @Override
    public TruthCard truthCard() {
        return new TruthCard("induction", "Trained from scratch on sequences of " + LENGTH + " tokens from "
                + VOCAB + " symbols: a random block of 4 to 20 tokens repeated with that period. Loss counts only"
                + " predictions inside the repeats. The period varies, so no fixed positional offset solves the"
                + " task: the model must find the earlier occurrence of the current token and copy its successor.",
                List.of(new Planted("previous-token-head", ClaimKind.CIRCUIT, "blocks.0.attn (some head)",
                                "a layer-0 head attends from each token to the one before it, and in-context copying"
                                        + " depends on it: mean-ablating it raises the loss on repeated tokens, far"
                                        + " more than mean-ablating another layer-0 head.",
                                Map.of("previous_token_score_min", String.valueOf(MIN_PREV),
                                        "ablation_loss_increase_min", String.valueOf(MIN_ABLATION_EFFECT),
                                        "random_share_max", String.valueOf(InductionScorer.RANDOM_SHARE_MAX))),
                        new Planted("induction-head", ClaimKind.CIRCUIT, "blocks.1.attn (some head)",
                                "a layer-1 head attends to the token after the previous occurrence of the current"
                                        + " token (prefix matching) and copies it (positive OV eigenvalues).",
                                Map.of("prefix_matching_score_min", String.valueOf(MIN_PREFIX),
                                        "copying_positivity_min", String.valueOf(MIN_COPYING),
                                        "ablation_loss_increase_min", String.valueOf(MIN_ABLATION_EFFECT))),
                        new Planted("in-context-learning", ClaimKind.BEHAVIOUR, "whole model",
                                "loss on the repeated copy is far below loss on the first copy, and ablating the"
                                        + " induction head destroys that.",
                                Map.of("ablation_loss_increase_min", String.valueOf(MIN_ABLATION_EFFECT)))));
    }

    @Override
    public TrainOutcome train(TrainRequest req, OrganismContext ctx) {
        int steps = req.steps() > 0 ? req.steps() : defaultSteps();
        TrainerSettings tc = new TrainerSettings(steps, 32, 1e-3f, 0.1f, Math.min(100, Math.max(1, steps / 10)),
                0.01f, 0.9f, 0.99f, 1e-8f, 1.0f, req.seed(), Math.max(100, steps / 4));
        RepeatedTokens data = new RepeatedTokens(req.seed(), VOCAB, LENGTH, 4, 20);
        OrganismTrainer trainer = new OrganismTrainer("organism/induction", modelConfig(), tc, data,
                new SymbolTokenizer(VOCAB), Map.of("vocab", String.valueOf(VOCAB), "length", String.valueOf(LENGTH),
                        "period", "4..20"));
        return trainer.run(req.out(), req.resume(), ctx);
    }

    @Override
    public org.vivarium.organisms.score.ClaimScorer scorer(TruthCard card, Model model,
            java.util.Map<String, Model> comparisons) {
        return new InductionScorer(card, model);
    }

    /** The model only: circuit auditors build their own repeated-token sequences; there is no behaviour meter. */
    @Override
    public java.util.Optional<org.vivarium.organisms.AuditData> auditData(Model model) {
        return java.util.Optional.of(org.vivarium.organisms.AuditData.modelOnly(
                new org.vivarium.api.model.GenerationOptions(EVAL_HALF, 0f, 0, 1)));
    }

    /**
     * Blind: a generic corpus of {@value #BLIND_CORPUS} repeated random-token sequences ({@value #EVAL_HALF} tokens,
     * then the same again, as space-separated ids) from a seed of its own; no meters (the organism has no behaviour
     * meter), no base model, no inserted text. Nothing in it is secret: the sequences follow the public recipe,
     * and the card does not name the heads that hold the circuit.
     */
    @Override
    public Optional<BlindData> blindData(Model model) {
        int[][] seqs = RepeatedTokens.twoCopies(new SplittableRandom(BLIND_SEED), model.config().dVocab(), BLIND_CORPUS,
                EVAL_HALF);
        List<String> corpus = Arrays.stream(seqs).map(model.tokenizer()::decode).toList();
        return Optional.of(new BlindData(corpus, Map.of(), new GenerationOptions(EVAL_HALF, 0f, 0, 1), Map.of(),
                Map.of(), null));
    }

    @Override
    public CheckResult check(Model model, Path dir, OrganismContext ctx) {
        int[][] eval = RepeatedTokens.twoCopies(new SplittableRandom(20_250_101L), model.config().dVocab(), 64,
                EVAL_HALF);
        HeadScores hs = HeadScores.measure(model, eval, EVAL_HALF);
        CopyingScores cs = CopyingScores.compute(model.config(), model.weights());
        int prevHead = HeadScores.best(hs.previousToken(), 0);
        int indHead = HeadScores.best(hs.prefixMatching(), 1);
        double[] clean = PositionLoss.firstAndRepeat(model, eval, EVAL_HALF, List.of());
        int[] inductionHeads = headsAbove(hs.prefixMatching()[1], MIN_PREFIX, indHead);
        double[] ablated = PositionLoss.firstAndRepeat(model, eval, EVAL_HALF,
                List.of(Hook.zeroAblate(HookName.attn(1, "z")).onHeads(inductionHeads)));
        double[] bestAblated = PositionLoss.firstAndRepeat(model, eval, EVAL_HALF,
                List.of(Hook.zeroAblate(HookName.attn(1, "z")).onHeads(indHead)));
        double[] prevAblated = PositionLoss.firstAndRepeat(model, eval, EVAL_HALF,
                List.of(Hook.zeroAblate(HookName.attn(0, "z")).onHeads(prevHead)));

        ReportFiles r = new ReportFiles("Induction organism check", truthCard());
        float prev = hs.previousToken()[0][prevHead];
        float prefix = hs.prefixMatching()[1][indHead];
        float copy = cs.positivity()[1][indHead];
        r.finding(prev >= MIN_PREV, String.format("previous-token head L0H%d: score %.3f (need >= %.2f; uniform"
                + " attention would give about %.3f)", prevHead, prev, MIN_PREV, uniformPrev()));
        r.finding(prefix >= MIN_PREFIX && copy >= MIN_COPYING, String.format("induction head L1H%d: prefix-matching"
                + " %.3f (need >= %.2f), copying positivity %.3f (need >= %.2f), diagonal top-1 %.2f", indHead, prefix,
                MIN_PREFIX, copy, MIN_COPYING, cs.diagonalTop1()[1][indHead]));
        double effect = ablated[1] - clean[1];
        r.finding(clean[1] < clean[0] - 1.0 && effect >= MIN_ABLATION_EFFECT, String.format("in-context learning:"
                + " loss %.3f on the first copy vs %.3f on the repeat; zero-ablating the induction heads %s raises"
                + " the repeat loss by %.3f nats (need >= %.2f; L1H%d alone: %.3f); ablating L0H%d: %.3f", clean[0],
                clean[1], HeadAblationControl.labels(1, inductionHeads), effect, MIN_ABLATION_EFFECT, indHead,
                bestAblated[1] - clean[1], prevHead, prevAblated[1] - clean[1]));
        r.metric("previous_token_score", prev).metric("prefix_matching_score", prefix)
                .metric("copying_positivity", copy).metric("loss_first_copy", clean[0])
                .metric("loss_repeat", clean[1]).metric("loss_repeat_induction_ablated", ablated[1])
                .metric("loss_repeat_prev_token_ablated", prevAblated[1])
                .metric("loss_repeat_best_induction_head_ablated", bestAblated[1])
                .metric("induction_heads_found", inductionHeads.length)
                .metric("previous_token_head", prevHead).metric("induction_head", indHead);
        r.table("Head scores", headTable(hs, cs));
        heatmaps(model, hs, eval, indHead, dir);
        r.image("head_scores.png", "previous-token and prefix-matching scores per head");
        r.image("induction_pattern.png", "attention pattern of the induction head on one repeated sequence");
        r.image("loss.png", "training loss");
        r.json("head_scores", Map.of("previous_token", hs.previousToken(), "prefix_matching", hs.prefixMatching(),
                "duplicate", hs.duplicate(), "copying_positivity", cs.positivity(),
                "diagonal_top1", cs.diagonalTop1()));
        r.json("provenance", model.provenance());
        Path md = r.write(dir);
        return new CheckResult(name(), r.passed(), r.findings(), r.metrics(), md);
    }

    private static int[] headsAbove(float[] scores, float threshold, int best) {
        java.util.List<Integer> hs = new ArrayList<>();
        for (int h = 0; h < scores.length; h++) {
            if (scores[h] >= threshold || h == best) {
                hs.add(h);
            }
        }
        return hs.stream().mapToInt(Integer::intValue).toArray();
    }


    private static double uniformPrev() {
        double s = 0;
        for (int q = 1; q < 2 * EVAL_HALF; q++) {
            s += 1.0 / (q + 1);
        }
        return s / (2 * EVAL_HALF - 1);
    }

    private static Table headTable(HeadScores hs, CopyingScores cs) {
        Table t = Table.of("head", "previous-token", "prefix-matching", "duplicate-token", "copying positivity",
                "diagonal top-1");
        for (int l = 0; l < hs.previousToken().length; l++) {
            for (int h = 0; h < hs.previousToken()[l].length; h++) {
                t.row("L" + l + "H" + h, hs.previousToken()[l][h], hs.prefixMatching()[l][h], hs.duplicate()[l][h],
                        cs.positivity()[l][h], cs.diagonalTop1()[l][h]);
            }
        }
        return t;
    }

    private static void heatmaps(Model model, HeadScores hs, int[][] eval, int indHead, Path dir) {
        int layers = hs.previousToken().length;
        int heads = hs.previousToken()[0].length;
        double[][] m = new double[2 * layers][heads];
        List<String> rows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            rows.add("L" + l + " prev-token");
        }
        for (int l = 0; l < layers; l++) {
            rows.add("L" + l + " prefix-match");
        }
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                m[l][h] = hs.previousToken()[l][h];
                m[layers + l][h] = hs.prefixMatching()[l][h];
            }
        }
        List<String> cols = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            cols.add("H" + h);
        }
        Heatmap.builder().title("Attention scores per head").matrix(m).rowLabels(rows).columnLabels(cols)
                .range(0, 1).showValues(true).valueDecimals(2).colorBarLabel("mean attention")
                .build().write(dir.resolve("head_scores.png"));
        int[][] one = {eval[0]};
        Tensor p = model.runWithCache(one, HookFilter.names(HookName.pattern(1).path())).activations()
                .get(HookName.pattern(1));
        int t = one[0].length;
        double[][] pat = new double[t][t];
        List<String> labels = new ArrayList<>();
        for (int q = 0; q < t; q++) {
            labels.add(q % 4 == 0 ? String.valueOf(q) : "");
            for (int k = 0; k < t; k++) {
                pat[q][k] = p.get(0, indHead, q, k);
            }
        }
        Heatmap.builder().title("L1H" + indHead + " attention (query row, key column)").matrix(pat)
                .rowLabels(labels).columnLabels(labels).range(0, 1).showValues(false).colorBarLabel("attention")
                .build().write(dir.resolve("induction_pattern.png"));
    }
}
