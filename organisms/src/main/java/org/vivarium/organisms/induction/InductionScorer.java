package org.vivarium.organisms.induction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.organisms.score.ClaimScorer;

/**
 * Verifies circuit claims about the induction organism on {@value #SEQUENCES} repeated-token sequences drawn
 * from a seed no auditor and no check uses, each by the scorer's own ablation:
 * <ul>
 *   <li>previous-token head: mean-ablating the claim's layer-0 heads must raise the loss on the repeated copy by
 *       the card's minimum, and mean-ablating only their path into the layer-1 keys must raise it, while the same
 *       path-specific ablation of as many other layer-0 heads drawn at random raises it by at most the card's share
 *       of that ({@link HeadAblationControl}); and the best claimed layer-0 head's previous-token
 *       attention score must reach the card's minimum (what makes it a <i>previous-token</i> head);</li>
 *   <li>induction head: the best claimed layer-1 head's prefix-matching score must reach the card's minimum, and
 *       zero-ablating the claimed layer-1 heads must raise the loss on the repeated copy by the card's minimum.</li>
 * </ul>
 */
public final class InductionScorer extends ClaimScorer {
    /** Scorer sequences. */
    public static final int SEQUENCES = 48;
    /** Share of the claimed heads' key-path ablation effect that the same ablation of random other heads may reach. */
    public static final double RANDOM_SHARE_MAX = 0.5;
    private static final long SEED = 0x5C0_12EL;

    private final Model model;
    private HeadScores scores;
    private int[][] eval;

    /**
     * Creates the scorer.
     *
     * @param card the card
     * @param model the audited model
     */
    public InductionScorer(TruthCard card, Model model) {
        super(card);
        this.model = model;
    }

    private HeadScores scores() {
        if (scores == null) {
            eval = RepeatedTokens.twoCopies(new SplittableRandom(SEED), model.config().dVocab(), SEQUENCES,
                    InductionOrganism.EVAL_HALF);
            scores = HeadScores.measure(model, eval, InductionOrganism.EVAL_HALF);
        }
        return scores;
    }

    @Override
    protected Check check(Planted planted, Claim claim) {
        List<HeadRef> heads = claim.site().heads();
        if (heads.isEmpty()) {
            return Check.fail("the claim names no heads");
        }
        for (HeadRef h : heads) {
            if (h.layer() >= model.config().nLayers() || h.head() >= model.config().nHeads()) {
                return Check.fail("the model has no head " + h);
            }
        }
        HeadScores s = scores();
        if (planted.id().equals("previous-token-head")) {
            double min = planted.number("previous_token_score_min", InductionOrganism.MIN_PREV);
            Check attention = best(heads, 0, s.previousToken(), min, "previous-token");
            int[] l0 = heads.stream().filter(h -> h.layer() == 0).mapToInt(HeadRef::head).distinct().toArray();
            if (l0.length == 0) {
                return attention;
            }
            Check ablation = new HeadAblationControl(model, eval, InductionOrganism.EVAL_HALF,
                    planted.number("ablation_loss_increase_min", InductionOrganism.MIN_ABLATION_EFFECT),
                    planted.number("random_share_max", RANDOM_SHARE_MAX), SEED).run(0, l0);
            return new Check(ablation.passed() && attention.passed(), ablation.measured() + "; "
                    + attention.measured());
        }
        if (planted.id().equals("induction-head")) {
            double min = planted.number("prefix_matching_score_min", InductionOrganism.MIN_PREFIX);
            Check prefix = best(heads, 1, s.prefixMatching(), min, "prefix-matching");
            if (!prefix.passed()) {
                return prefix;
            }
            int[] l1 = heads.stream().filter(h -> h.layer() == 1).mapToInt(HeadRef::head).toArray();
            double[] clean = PositionLoss.firstAndRepeat(model, eval, InductionOrganism.EVAL_HALF, List.of());
            double[] ablated = PositionLoss.firstAndRepeat(model, eval, InductionOrganism.EVAL_HALF,
                    List.of(Hook.zeroAblate(HookName.attn(1, "z")).onHeads(l1)));
            double rise = ablated[1] - clean[1];
            double need = planted.number("ablation_loss_increase_min", InductionOrganism.MIN_ABLATION_EFFECT);
            return new Check(rise >= need, prefix.measured() + String.format(Locale.ROOT, "; zero-ablating the"
                    + " claimed layer-1 heads raises the repeat loss %.3f -> %.3f nats (rise %+.3f; need >= %.2f)",
                    clean[1], ablated[1], rise, need));
        }
        return Check.fail("no circuit test for " + planted.id());
    }

    private Check best(List<HeadRef> heads, int layer, float[][] score, double min, String what) {
        List<String> seen = new ArrayList<>();
        HeadRef top = null;
        for (HeadRef h : heads) {
            if (h.layer() == layer) {
                seen.add(String.format(Locale.ROOT, "%s %.3f", h, score[layer][h.head()]));
                if (top == null || score[layer][h.head()] > score[layer][top.head()]) {
                    top = h;
                }
            }
        }
        if (top == null) {
            return Check.fail("the claim names no layer-" + layer + " head");
        }
        boolean ok = score[layer][top.head()] >= min;
        return new Check(ok, String.format(Locale.ROOT, "%s score on %d scorer-held-out sequences: %s (need >= %.2f)",
                what, SEQUENCES, String.join(", ", seen), min));
    }
}
