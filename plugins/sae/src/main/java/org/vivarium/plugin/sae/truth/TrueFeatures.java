package org.vivarium.plugin.sae.truth;

import java.util.ArrayList;
import java.util.List;

/**
 * The true features an SAE is scored against: the rows of the organism's feature file whose norm exceeds the
 * organism's "represented" threshold (a feature the toy model dropped has no direction to recover).
 *
 * @param directions the represented features' directions, {@code [k][d]}
 * @param indices their feature indices in the file
 * @param total features in the file, represented or not
 */
public record TrueFeatures(float[][] directions, int[] indices, int total) {
    /** The superposition organism's threshold: feature i is represented when {@code ||W_i|| > 0.5}. */
    public static final double REPRESENTED_NORM = 0.5;

    /**
     * Keeps the represented rows.
     *
     * @param rows feature directions, {@code [n][d]}
     * @param minNorm the norm a row must exceed
     * @return the represented features
     */
    public static TrueFeatures represented(float[][] rows, double minNorm) {
        List<float[]> keep = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double sq = 0;
            for (float v : rows[i]) {
                sq += (double) v * v;
            }
            if (Math.sqrt(sq) > minNorm) {
                keep.add(rows[i]);
                idx.add(i);
            }
        }
        return new TrueFeatures(keep.toArray(new float[0][]), idx.stream().mapToInt(Integer::intValue).toArray(),
                rows.length);
    }
}
