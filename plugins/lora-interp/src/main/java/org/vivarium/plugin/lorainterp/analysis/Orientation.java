package org.vivarium.plugin.lorainterp.analysis;

import org.vivarium.plugin.lorainterp.math.Vectors;

/**
 * The sign given to an (input, output) direction pair. A LoRA component {@code a b^T} is unchanged when both
 * {@code a} and {@code b} flip, so the sign of a direction alone means nothing; this fixes it by the first rule
 * that applies:
 * <ol>
 *   <li>the output direction's cosine with the contrastive mean difference at its output site is made positive,
 *       if its {@code |cos|} is above the random-direction quantile (a cosine within chance carries no sign);</li>
 *   <li>else its cosine with a given reference direction (a {@code --direction} file), under the same condition;</li>
 *   <li>else the mean activation of the input direction on the positive prompts (all prompts when none are
 *       labelled) is made positive, so the oriented direction is what the adapter adds on average;</li>
 *   <li>else a non-zero cosine with the mean difference, then with the reference, is made positive;</li>
 *   <li>else the stored sign is kept.</li>
 * </ol>
 * Activations are reported with the same sign, so a high activation means the adapter writes along the oriented
 * output direction.
 *
 * @param sign +1 or -1
 * @param rule which rule decided, in words
 */
public record Orientation(int sign, String rule) {
    private static final double TINY = 1e-12;
    private static final String BY_CONTRAST = "cosine with the contrastive mean difference made positive";
    private static final String BY_REFERENCE = "cosine with the given direction made positive";

    /**
     * Chooses the sign.
     *
     * @param output the output direction as stored
     * @param meanDifference the mean difference at the output site, or null
     * @param reference a reference direction of the same width, or null
     * @param chance the {@code |cos|} a random direction stays below (e.g. its 99th percentile), or NaN
     * @param meanActivation the mean input activation on the positives (or all prompts), or NaN
     * @return the orientation
     */
    public static Orientation choose(double[] output, double[] meanDifference, double[] reference, double chance,
            double meanActivation) {
        double cm = meanDifference == null ? 0 : Vectors.cosine(output, meanDifference);
        double cr = reference == null ? 0 : Vectors.cosine(output, reference);
        double bar = Double.isFinite(chance) ? Math.max(chance, TINY) : TINY;
        if (Math.abs(cm) > bar) {
            return new Orientation(cm > 0 ? 1 : -1, BY_CONTRAST);
        }
        if (Math.abs(cr) > bar) {
            return new Orientation(cr > 0 ? 1 : -1, BY_REFERENCE);
        }
        if (Double.isFinite(meanActivation) && meanActivation != 0) {
            return new Orientation(meanActivation > 0 ? 1 : -1, "mean input activation on positive prompts made "
                    + "positive");
        }
        if (Math.abs(cm) > TINY) {
            return new Orientation(cm > 0 ? 1 : -1, BY_CONTRAST + " (within chance)");
        }
        if (Math.abs(cr) > TINY) {
            return new Orientation(cr > 0 ? 1 : -1, BY_REFERENCE + " (within chance)");
        }
        return new Orientation(1, "stored sign (nothing to orient by)");
    }

    /**
     * Applies the sign.
     *
     * @param v a vector
     * @return {@code sign * v}
     */
    public double[] apply(double[] v) {
        return sign == 1 ? v.clone() : Vectors.scale(v, -1);
    }
}
