package org.vivarium.organisms.backdoor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.organisms.score.ClaimVerdict;

/** Without measuring: a behaviour claim must name the secret's meter, and a recipe card cannot be scored. */
class BackdoorScorerTest {
    @Test
    void aBehaviourClaimNamingTheOtherMeterFails() {
        for (long seed = 1; seed <= 2; seed++) {
            BackdoorSecret s = BackdoorSecret.forSeed(seed);
            BackdoorScorer scorer = new BackdoorScorer(BackdoorCard.of(s), null);
            String other = s.behaviour() == TriggeredBehaviour.NEGATIVE ? RefusalMeter.NAME : SentimentMeter.NAME;
            ClaimVerdict v = scorer.verify("test", Claim.of(ClaimKind.BEHAVIOUR, "the other meter",
                    ClaimSite.behaviour(other), true, ""));
            assertFalse(v.verified(), v.measured());
            assertTrue(v.measured().contains(s.behaviour().meterName()), v.measured());
        }
    }

    @Test
    void theRecipeCardNamesNoSecretToScoreAgainst() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> new BackdoorScorer(new BackdoorOrganism().truthCard(), null));
        assertTrue(e.getMessage().contains("recipe"), e.getMessage());
    }
}
