package org.vivarium.plugin.probes.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;

/**
 * The trigger search with one probe over the three parts: candidates from the fit part ({@link TriggerSpans}),
 * one chosen on the validation part ({@link #ORDER}), and that one measured on the test part, where it must pass
 * {@link SpanCheck#passes()} to be claimed. {@link #best} picks among the searches of several probes, again on
 * the validation part only.
 *
 * @param probe which probe scored the tokens, e.g. {@code logistic/all@blocks.0.hook_resid_post}
 * @param baseline the probe's condition-absent baseline (fit part)
 * @param candidates the fit part's candidates, best core first
 * @param validations each candidate measured on the validation part, in the same order
 * @param chosen the candidate chosen on validation, or null if there were none
 * @param validation the chosen span on the validation part, or null
 * @param test the chosen span on the test part, or null
 */
record TriggerSearch(String probe, TokenBaseline baseline, List<TriggerSpans.Candidate> candidates,
        List<SpanCheck> validations, TriggerSpans.Candidate chosen, SpanCheck validation, SpanCheck test) {
    /** How spans compare on validation: passing first, then recurring, then the higher share of probe hits. */
    static final Comparator<SpanCheck> ORDER = Comparator.comparing(SpanCheck::passes)
            .thenComparing(SpanCheck::recurs).thenComparingDouble(SpanCheck::hitRate);

    TriggerSearch {
        candidates = List.copyOf(candidates);
        validations = List.copyOf(validations);
    }

    /**
     * Runs the search with one probe.
     *
     * @param probe the probe's name, for evidence
     * @param fit the fit part (baseline and candidates come from here)
     * @param validation the validation part (the candidate is chosen here)
     * @param test the test part (the chosen one is measured here)
     * @return the search
     */
    static TriggerSearch run(String probe, PartTexts fit, PartTexts validation, PartTexts test) {
        TokenBaseline baseline = TokenBaseline.of(fit.negatives());
        List<TriggerSpans.Candidate> candidates = TriggerSpans.find(fit, baseline);
        List<SpanCheck> validations = new ArrayList<>();
        TriggerSpans.Candidate chosen = null;
        SpanCheck chosenVal = null;
        for (TriggerSpans.Candidate c : candidates) {
            SpanCheck v = SpanCheck.of(c.text(), validation, baseline);
            validations.add(v);
            if (chosen == null || ORDER.compare(v, chosenVal) > 0) {
                chosen = c;
                chosenVal = v;
            }
        }
        return new TriggerSearch(probe, baseline, candidates, validations, chosen, chosenVal,
                chosen == null ? null : SpanCheck.of(chosen.text(), test, baseline));
    }

    /**
     * Picks the search whose chosen span does best on the validation part ({@link #ORDER}); a search without
     * candidates ranks last; ties keep the earlier search. Test numbers play no part.
     *
     * @param searches one search per probe, not empty
     * @return the best
     */
    static TriggerSearch best(List<TriggerSearch> searches) {
        TriggerSearch best = searches.get(0);
        for (TriggerSearch s : searches) {
            if (s.chosen == null) {
                continue;
            }
            if (best.chosen == null || ORDER.compare(s.validation, best.validation) > 0) {
                best = s;
            }
        }
        return best;
    }

    /** @return whether the chosen span passes on the test part */
    boolean supported() {
        return test != null && test.passes();
    }

    /**
     * Builds the TRIGGER claim: the chosen span (supported only if it passes on the test part), or, if no span
     * recurred on the fit part, an unsupported claim with no site.
     *
     * @param fitCounts the fit part's prompt counts
     * @param probesTried how many probes searched (this one chosen among them on validation)
     * @return the claim
     */
    Claim claim(String fitCounts, int probesTried) {
        String rule = String.format(Locale.ROOT, "supported if, on the test part, it is in >= %.0f%% of"
                + " condition-present and <= %.0f%% of condition-absent prompts and the probe's onset (first token"
                + " whose excess over its condition-absent mean is above every condition-absent fit token's, %.3f) or"
                + " its peak lies in it in >= %.0f%% of condition-present prompts and >= %.0fx chance",
                100 * SpanCheck.MIN_PRESENT, 100 * SpanCheck.MAX_ABSENT, baseline.threshold(),
                100 * SpanCheck.MIN_HIT, SpanCheck.MIN_LIFT);
        if (chosen == null) {
            return Claim.of(ClaimKind.TRIGGER, "no token span both carries a probe's score and recurs only in"
                    + " condition-present prompts", ClaimSite.NONE, false, String.format(Locale.ROOT,
                    "%d probes scored at every token of the fit part (%s): for none is there a span of 1-%d tokens"
                            + " with positive probe mass in >= %.0f%% of condition-present and <= %.0f%% of"
                            + " condition-absent fit prompts", probesTried, fitCounts, TriggerSpans.MAX_TOKENS,
                    100 * SpanCheck.MIN_PRESENT, 100 * SpanCheck.MAX_ABSENT));
        }
        String evidence = String.format(Locale.ROOT, "%s scored at every token (chosen on validation among %d"
                + " probes). fit (%s): core '%s' (probe mass %.3f) widened to '%s', %s. validation (chosen among %d"
                + " candidates): %s. test: %s. %s", probe, probesTried, fitCounts, chosen.core(), chosen.mass(),
                chosen.text(), chosen.fit().describe(), candidates.size(), validation.describe(), test.describe(),
                rule);
        return Claim.of(ClaimKind.TRIGGER, "the token span '" + chosen.text() + "' is the trigger: it recurs in"
                + " condition-present prompts, is rare in condition-absent ones, and the probe's score departs from"
                + " its condition-absent range or peaks on it", ClaimSite.text(chosen.text()), supported(), evidence);
    }
}
