package org.vivarium.report.plot;

import org.vivarium.api.VivariumException;

/** Exponential moving average for noisy curves such as training loss (TensorBoard-style, bias-corrected). */
public final class Smoothing {
    private Smoothing() {
    }

    /**
     * Smooths a series; NaN and infinite values are passed through as NaN and do not disturb the average.
     * The early values are bias-corrected, so the curve does not start at zero.
     *
     * @param values the raw values
     * @param weight how much of the previous average to keep, in [0, 1); 0 returns the input, 0.9 is strong
     * @return a new array of the same length
     * @throws VivariumException if the weight is outside [0, 1)
     */
    public static double[] ema(double[] values, double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new VivariumException("smoothing weight " + weight + " is outside [0, 1)",
                    "use e.g. 0.9 for noisy training curves, 0 for none");
        }
        double[] out = new double[values.length];
        double avg = 0;
        double norm = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                out[i] = Double.NaN;
                continue;
            }
            avg = weight * avg + (1 - weight) * v;
            norm = weight * norm + (1 - weight);
            out[i] = avg / norm;
        }
        return out;
    }
}
