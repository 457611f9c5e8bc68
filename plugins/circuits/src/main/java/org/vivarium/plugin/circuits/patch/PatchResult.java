package org.vivarium.plugin.circuits.patch;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The metric after each single-site patch.
 *
 * @param metric what was measured
 * @param direction denoising or noising
 * @param clean the metric on the clean input, unpatched
 * @param corrupted the metric on the corrupted input, unpatched
 * @param byPosition per position site: {@code [layer][position]} patched metric
 * @param byHead per head site: {@code [layer][head]} patched metric
 */
public record PatchResult(String metric, PatchDirection direction, double clean, double corrupted,
        Map<PositionSite, double[][]> byPosition, Map<HeadSite, double[][]> byHead) {

    /** Copies the maps (not the arrays). */
    public PatchResult {
        byPosition = Collections.unmodifiableMap(byPosition.isEmpty() ? new EnumMap<>(PositionSite.class)
                : new EnumMap<>(byPosition));
        byHead = Collections.unmodifiableMap(byHead.isEmpty() ? new EnumMap<>(HeadSite.class) : new EnumMap<>(byHead));
    }

    /**
     * Normalises a patched metric: 0 is the corrupted run and 1 the clean run, in both directions. Denoising
     * shows how much of the clean behaviour a site restores; noising shows how much is left after it is broken
     * (so necessary sites drop towards 0).
     *
     * @param patched a patched metric
     * @return {@code (patched - corrupted) / (clean - corrupted)}, NaN if clean equals corrupted
     */
    public double normalized(double patched) {
        return normalize(patched, clean, corrupted);
    }

    /**
     * Normalises a whole matrix.
     *
     * @param m {@code [layer][x]} patched metrics
     * @return the normalised copy
     */
    public double[][] normalized(double[][] m) {
        return normalize(m, clean, corrupted);
    }

    /**
     * Normalises a value between two reference runs.
     *
     * @param patched a patched metric
     * @param clean the clean run's metric
     * @param corrupted the corrupted run's metric
     * @return {@code (patched - corrupted) / (clean - corrupted)}, NaN if clean equals corrupted
     */
    public static double normalize(double patched, double clean, double corrupted) {
        double d = clean - corrupted;
        return d == 0 ? Double.NaN : (patched - corrupted) / d;
    }

    /**
     * Normalises a whole matrix between two reference runs.
     *
     * @param m {@code [row][x]} patched metrics
     * @param clean the clean run's metric
     * @param corrupted the corrupted run's metric
     * @return the normalised copy
     */
    public static double[][] normalize(double[][] m, double clean, double corrupted) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = normalize(m[i][j], clean, corrupted);
            }
        }
        return out;
    }
}
