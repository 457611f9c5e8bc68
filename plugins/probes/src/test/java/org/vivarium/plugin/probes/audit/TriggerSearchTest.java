package org.vivarium.plugin.probes.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;

/** The trigger search on synthetic character-level prompts whose answer is known. */
class TriggerSearchTest {
    private static final String TRIGGER = "|zap|";
    private static final String DECOY = "#dec#";

    /** Condition-absent prompts: clean, scored without a step. */
    private static List<ScoredText> negatives(SyntheticPrompts g, int n) {
        List<ScoredText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.score(g.clean(), -1, 0));
        }
        return out;
    }

    private static List<ScoredText> positives(int n, Function<Integer, ScoredText> make) {
        List<ScoredText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(make.apply(i));
        }
        return out;
    }

    /** Runs the search with fit 32 + 32, validation 16 + 16 and test 16 + 16 prompts. */
    private static TriggerSearch search(SyntheticPrompts g, Function<Integer, ScoredText> positive) {
        return TriggerSearch.run("synthetic probe", new PartTexts("fit", positives(32, positive), negatives(g, 32)),
                new PartTexts("validation", positives(16, positive), negatives(g, 16)),
                new PartTexts("test", positives(16, positive), negatives(g, 16)));
    }

    /** The probe steps up where the trigger starts: the trigger is found, chosen and supported on test. */
    @Test
    void aRecurringSpanWhereTheProbeStepsUpIsClaimedAsTheTrigger() {
        SyntheticPrompts g = new SyntheticPrompts(1);
        TriggerSearch s = search(g, i -> {
            String p = g.insert(g.clean(), TRIGGER, 0, 99);
            return g.score(p, p.indexOf(TRIGGER), 2.0);
        });
        assertEquals(TRIGGER, s.chosen().text(), s.candidates().toString());
        assertEquals(1.0, s.test().presentRate());
        assertEquals(0.0, s.test().absentRate());
        assertTrue(s.test().onsetRate() >= 0.9, s.test().describe());
        Claim c = s.claim("32 / 32", 1);
        assertEquals(ClaimKind.TRIGGER, c.kind());
        assertTrue(c.supported(), c.evidence());
        assertEquals(TRIGGER, c.site().text());
        assertTrue(c.evidence().contains("test: in 16/16 condition-present and 0/16 condition-absent"), c.evidence());
        assertTrue(c.evidence().contains("validation"), c.evidence());
    }

    /** Same prompts on both sides, probe steps at random places: nothing recurs, the claim is a negative result. */
    @Test
    void withoutATriggerNoSpanIsClaimed() {
        SyntheticPrompts g = new SyntheticPrompts(2);
        TriggerSearch s = search(g, i -> {
            String p = g.clean();
            return g.score(p, g.anyPosition(p), 2.0);
        });
        assertTrue(s.candidates().isEmpty(), s.candidates().toString());
        Claim c = s.claim("32 / 32", 1);
        assertEquals(ClaimKind.TRIGGER, c.kind());
        assertFalse(c.supported());
        assertNull(c.site().text());
        assertTrue(c.statement().startsWith("no token span"), c.statement());
    }

    /** The span recurs but the probe does nothing there (it never departs from clean): not supported. */
    @Test
    void aRecurringSpanThatTheProbeIgnoresIsNotSupported() {
        SyntheticPrompts g = new SyntheticPrompts(3);
        TriggerSearch s = search(g, i -> g.score(g.insert(g.clean(), TRIGGER, 0, 99), -1, 0));
        assertFalse(s.supported(), s.test() == null ? "no candidate" : s.test().describe());
        assertFalse(s.claim("32 / 32", 1).supported());
    }

    /** The span recurs, but the probe steps up somewhere else: the onset is not in the span, not supported. */
    @Test
    void aRecurringSpanWhereTheProbeDoesNotStartIsNotSupported() {
        SyntheticPrompts g = new SyntheticPrompts(4);
        TriggerSearch s = search(g, i -> {
            String p = g.insert(g.clean(), TRIGGER, 0, 99);
            int at = p.indexOf(TRIGGER);
            int step = g.anyPosition(p);
            while (step >= at && step < at + TRIGGER.length()) {
                step = g.anyPosition(p);
            }
            return g.score(p, step, 2.0);
        });
        assertFalse(s.supported(), s.test() == null ? "no candidate" : s.test().describe());
    }

    /**
     * Two spans recur only in condition-present prompts: the trigger early, a decoy late (after it, where the
     * probe's persisting state scores high too). The probe's onset tells them apart on validation.
     */
    @Test
    void theProbeChoosesTheTriggerOverALaterDecoyThatRecursAsWell() {
        SyntheticPrompts g = new SyntheticPrompts(5);
        TriggerSearch s = search(g, i -> {
            String p = g.insert(g.insert(g.clean(), DECOY, 99, 99), TRIGGER, 0, 2);
            return g.score(p, p.indexOf(TRIGGER), 2.0);
        });
        List<String> spans = s.candidates().stream().map(TriggerSpans.Candidate::text).toList();
        String decoySpan = spans.stream().filter(x -> x.contains(DECOY)).findFirst().orElseThrow();
        assertTrue(spans.contains(TRIGGER), spans.toString());
        assertEquals(TRIGGER, s.chosen().text());
        assertTrue(s.supported(), s.test().describe());
        SpanCheck decoy = s.validations().get(spans.indexOf(decoySpan));
        assertTrue(decoy.recurs() && !decoy.passes(), decoy.describe());
    }

    /** Among several probes the one whose span does best on validation is kept. */
    @Test
    void bestPicksTheProbeWithTheBetterValidationCheck() {
        SyntheticPrompts g = new SyntheticPrompts(6);
        TriggerSearch blind = search(g, i -> g.score(g.clean(), -1, 0));
        TriggerSearch seeing = search(g, i -> {
            String p = g.insert(g.clean(), TRIGGER, 0, 99);
            return g.score(p, p.indexOf(TRIGGER), 2.0);
        });
        assertSame(seeing, TriggerSearch.best(List.of(blind, seeing)));
        assertSame(seeing, TriggerSearch.best(List.of(seeing, blind)));
        assertSame(blind, TriggerSearch.best(List.of(blind)));
    }
}
