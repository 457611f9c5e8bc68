package org.vivarium.organisms.superposition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipe of a sparsity sweep: model shape, importance, feature densities and optimiser settings.
 *
 * @param features n
 * @param hidden m
 * @param importanceDecay I_i = decay^i
 * @param densities the values of {@code 1 - S}, densest first
 * @param steps Adam steps per density
 * @param batchSize inputs per step
 * @param learningRate Adam step size
 */
public record SweepConfig(int features, int hidden, double importanceDecay, List<Double> densities, int steps,
        int batchSize, double learningRate) {
    /** The paper-like densities {@code 1 - S}. */
    public static final List<Double> DENSITIES = List.of(1.0, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001);

    /** Validates and copies. */
    public SweepConfig {
        if (features < 2 || hidden < 1 || hidden >= features) {
            throw new IllegalArgumentException("need 1 <= m < n, got m=" + hidden + ", n=" + features);
        }
        if (densities == null || densities.isEmpty()) {
            throw new IllegalArgumentException("the sweep needs at least one density 1-S");
        }
        if (steps < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("steps, batch size and learning rate must be positive, got " + steps
                    + ", " + batchSize + ", " + learningRate);
        }
        densities = List.copyOf(densities);
    }

    /**
     * The default sweep: n = 20, m = 5, I_i = 0.9^i, batch 1024, Adam at 1e-3.
     *
     * @param steps steps per density
     * @return the config
     */
    public static SweepConfig standard(int steps) {
        return new SweepConfig(20, 5, 0.9, DENSITIES, steps, 1024, 1e-3);
    }

    /** @return I_i for every feature */
    public double[] importance() {
        double[] out = new double[features];
        for (int i = 0; i < features; i++) {
            out[i] = Math.pow(importanceDecay, i);
        }
        return out;
    }

    /** @return the settings as strings, for provenance */
    public Map<String, String> asSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("n_features", String.valueOf(features));
        s.put("m_hidden", String.valueOf(hidden));
        s.put("importance", importanceDecay + "^i");
        s.put("densities", densities.toString());
        s.put("steps_per_density", String.valueOf(steps));
        s.put("batch_size", String.valueOf(batchSize));
        s.put("optimizer", "adam(lr=" + learningRate + ",b1=0.9,b2=0.999,eps=1e-8)");
        s.put("init", "W xavier-normal, b zero");
        return s;
    }

    /**
     * A short label for a density, used in file names and tables.
     *
     * @param density 1 - S
     * @return e.g. {@code 0.003}
     */
    public static String label(double density) {
        return java.math.BigDecimal.valueOf(density).stripTrailingZeros().toPlainString();
    }
}
