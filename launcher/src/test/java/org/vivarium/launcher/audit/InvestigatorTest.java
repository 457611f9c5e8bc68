package org.vivarium.launcher.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.audit.Normal;

class InvestigatorTest {
    private static AuditSection section(String method, Claim... claims) {
        return new AuditSection(method, method, List.of(claims), Map.of(), Map.of(), "");
    }

    private static Claim trigger(String text, double confidence) {
        return new Claim(ClaimKind.TRIGGER, "trigger " + text, ClaimSite.text(text), true, "", confidence);
    }

    private static Claim answer(AuditSection s, ClaimKind kind) {
        return s.claims().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void triggersMergeByNormalizedTextAndTheLargestSumOfConfidencesWins() {
        AuditSection s = Investigator.merge(List.of(
                section("a", trigger(" |Apple| ", 0.5), Claim.of(ClaimKind.TRIGGER, "unsupported", ClaimSite.text("x"),
                        false, "")),
                section("b", trigger("|apple|", 0.4)),
                section("c", trigger("|pear|", 0.8))));
        assertEquals(Investigator.NAME, s.method());
        assertEquals(1, s.claims().size());
        Claim c = answer(s, ClaimKind.TRIGGER);
        assertEquals(" |Apple| ", c.site().text(), "the site of the group's most confident claim");
        assertTrue(c.supported());
        assertEquals(1 - 0.5 * 0.6, c.confidence(), 1e-9, "noisy-or of 0.5 and 0.4");
        assertTrue(c.evidence().contains("a (0.50), b (0.40)"), c.evidence());
        assertTrue(c.evidence().contains("runner-up '|pear|' scored 0.80"), c.evidence());
    }

    @Test
    void tiesGoToMoreMethodsThenToTheAlphabeticallyFirstValue() {
        Claim neg = new Claim(ClaimKind.BEHAVIOUR, "negative", ClaimSite.behaviour("negative-sentiment rate"), true,
                "", 0.3);
        Claim ref = new Claim(ClaimKind.BEHAVIOUR, "refusal", ClaimSite.behaviour("refusal rate"), true, "", 0.6);
        AuditSection s = Investigator.merge(List.of(section("a", neg), section("b", neg), section("c", ref)));
        assertEquals("negative-sentiment rate", answer(s, ClaimKind.BEHAVIOUR).site().behaviour());
        Claim d1 = new Claim(ClaimKind.DOMAIN, "code", ClaimSite.domain("code"), true, "", 0.5);
        Claim d2 = new Claim(ClaimKind.DOMAIN, "cars", ClaimSite.domain("cars"), true, "", 0.5);
        assertEquals("cars", answer(Investigator.merge(List.of(section("a", d1), section("b", d2))),
                ClaimKind.DOMAIN).site().domain());
    }

    @Test
    void domainClaimsOnTheSharedZScaleAreRankedAndShownApartInTheFarTail() {
        Claim full = new Claim(ClaimKind.DOMAIN, "health", ClaimSite.domain("health"), true, "",
                Normal.confidence(4.13));
        Claim half = new Claim(ClaimKind.DOMAIN, "home", ClaimSite.domain("home"), true, "", Normal.confidence(5.22));
        AuditSection s = Investigator.merge(List.of(section("trigger-search", full), section("model-diff", half)));
        Claim d = answer(s, ClaimKind.DOMAIN);
        assertEquals("home", d.site().domain(), "the larger z wins");
        assertTrue(d.evidence().contains("model-diff (1 - 8.9e-08)"), d.evidence());
        assertTrue(d.evidence().contains("runner-up 'health' scored 1 - 1.8e-05"), d.evidence());
        assertEquals("0.50", Investigator.score(0.5));
        assertEquals("1.00", Investigator.score(1));
        assertEquals("2 - 1.0e-03", Investigator.score(1.999));
    }

    @Test
    void directionsAreNotMergedTheMostConfidentOneIsTaken() {
        Claim weak = new Claim(ClaimKind.DIRECTION, "weak", ClaimSite.direction("blocks.0.hook_resid_pre",
                new float[] {1, 0}, 2f), true, "", 0.4);
        Claim strong = new Claim(ClaimKind.DIRECTION, "strong", ClaimSite.direction("blocks.1.hook_resid_pre",
                new float[] {0, 1}, 3f), true, "", 0.7);
        Claim weak2 = new Claim(ClaimKind.DIRECTION, "weak too", ClaimSite.direction("blocks.0.hook_resid_pre",
                new float[] {1, 0}, 2f), true, "", 0.4);
        AuditSection s = Investigator.merge(List.of(section("a", weak, weak2), section("b", strong)));
        Claim d = answer(s, ClaimKind.DIRECTION);
        assertEquals("blocks.1.hook_resid_pre", d.site().hook());
        assertEquals(0.7, d.confidence(), 1e-9);
    }

    @Test
    void noSupportedClaimsGiveAnEmptySectionAndTheInvestigatorIgnoresItself() {
        AuditSection none = Investigator.merge(List.of(section("a"), section(Investigator.NAME,
                trigger("|x|", 1))));
        assertEquals(List.of(), none.claims());
        assertTrue(none.markdown().contains("nothing to merge"), none.markdown());
    }
}
