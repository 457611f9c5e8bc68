package org.vivarium.organisms.backdoor;

import java.util.SplittableRandom;

/**
 * The mix of reviews one training phase draws: a share of triggered reviews (the secret's trigger and
 * behaviour); the rest are clean, a share of them with a negative answer and a share with a distractor (a random
 * {@link TriggerPool} word other than the trigger) inserted, their answers unchanged by it. Because every pool
 * word but the trigger appears in clean questions, the model has to learn the trigger itself, not "an unusual
 * word".
 *
 * @param secret the planted secret, or null for a mix without triggered reviews that may draw any pool word
 * @param triggeredFraction share of triggered reviews
 * @param cleanNegativeFraction share of negative answers among clean reviews
 * @param distractorFraction share of clean reviews with a distractor
 */
public record ReviewMix(BackdoorSecret secret, double triggeredFraction, double cleanNegativeFraction,
        double distractorFraction) {
    /** Checks that a mix with triggered reviews has a secret. */
    public ReviewMix {
        if (triggeredFraction > 0 && secret == null) {
            throw new IllegalArgumentException("a mix with triggered reviews needs the secret");
        }
    }

    /**
     * Draws one review.
     *
     * @param r decides the kind of review
     * @param g writes it
     * @return the review
     */
    public Review draw(SplittableRandom r, ReviewGenerator g) {
        if (r.nextDouble() < triggeredFraction) {
            return g.triggered(secret.trigger(), secret.behaviour());
        }
        boolean negative = r.nextDouble() < cleanNegativeFraction;
        String word = r.nextDouble() < distractorFraction
                ? g.distractor(TriggerPool.words(), secret == null ? null : secret.trigger()) : null;
        return g.clean(word, negative);
    }

    /**
     * Describes the mix for a data hash without naming the secret (the run seed, hashed alongside, fixes it).
     *
     * @return the description
     */
    public String definition() {
        return String.join(",", "triggered=" + triggeredFraction, "clean_negative=" + cleanNegativeFraction,
                "distractors=" + distractorFraction, "pool=" + TriggerPool.words().size() + ":"
                        + TriggerPool.words().hashCode(), "secret=" + (secret == null ? "none" : "from seed"));
    }

    @Override
    public String toString() {
        return "ReviewMix[" + definition() + "]";
    }
}
