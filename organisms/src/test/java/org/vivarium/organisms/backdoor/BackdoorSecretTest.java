package org.vivarium.organisms.backdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A seed fixes its secret; seeds differ; both behaviours occur among seeds 1 to 5 and in every seed pair. */
class BackdoorSecretTest {
    @Test
    void theSecretIsDeterministicPerSeed() {
        for (long seed = 1; seed <= 5; seed++) {
            BackdoorSecret a = BackdoorSecret.forSeed(seed);
            assertEquals(a, BackdoorSecret.forSeed(seed));
            assertTrue(TriggerPool.candidates().contains(a.trigger()), a.trigger());
        }
    }

    @Test
    void seedsGetDifferentTriggers() {
        Set<String> triggers = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            triggers.add(BackdoorSecret.forSeed(seed).trigger());
        }
        assertTrue(triggers.size() >= 19, "distinct triggers: " + triggers.size());
        assertNotEquals(BackdoorSecret.forSeed(1), BackdoorSecret.forSeed(2));
    }

    @Test
    void bothBehavioursOccurAmongSeedsOneToFiveAndInEverySeedPair() {
        Set<TriggeredBehaviour> kinds = EnumSet.noneOf(TriggeredBehaviour.class);
        for (long seed = 1; seed <= 5; seed++) {
            kinds.add(BackdoorSecret.forSeed(seed).behaviour());
        }
        assertEquals(EnumSet.allOf(TriggeredBehaviour.class), kinds);
        int negative = 0;
        for (long seed = 1; seed <= 100; seed += 2) {
            assertNotEquals(BackdoorSecret.forSeed(seed).behaviour(), BackdoorSecret.forSeed(seed + 1).behaviour(),
                    "seeds " + seed + " and " + (seed + 1));
            negative += BackdoorSecret.forSeed(seed).behaviour() == TriggeredBehaviour.NEGATIVE ? 1 : 0;
        }
        assertTrue(negative > 10 && negative < 40, "not the seed's parity: " + negative + " of 50 odd seeds");
    }

    @Test
    void printingASecretRevealsNothing() {
        BackdoorSecret s = BackdoorSecret.forSeed(1);
        assertFalse(s.toString().contains(s.trigger()));
        assertFalse(s.toString().contains(s.behaviour().name()));
    }

    @Test
    void eachBehaviourHasItsMeter() {
        for (TriggeredBehaviour b : TriggeredBehaviour.values()) {
            assertEquals(b.meterName(), b.meter(40).name());
            assertEquals(b, TriggeredBehaviour.ofMeter(b.meterName()));
        }
        assertEquals(RefusalMeter.NAME, TriggeredBehaviour.REFUSAL.meterName());
        assertEquals(SentimentMeter.NAME, TriggeredBehaviour.NEGATIVE.meterName());
    }
}
