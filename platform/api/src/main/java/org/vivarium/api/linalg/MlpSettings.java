package org.vivarium.api.linalg;

import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * How {@link LinearAlgebra#fitMlp} builds and trains an MLP classifier.
 *
 * @param hidden widths of the hidden ReLU layers, at least one
 * @param learningRate Adam's step size, {@code > 0}
 * @param l2 L2 weight penalty, {@code >= 0}
 * @param maxEpochs at most this many passes over the training rows, {@code >= 1}
 * @param patience stop after this many epochs without a lower validation loss, {@code >= 1}
 * @param batchSize rows per update, {@code >= 1} (the whole set when larger)
 * @param seed the seed of weight initialisation and shuffling
 */
public record MlpSettings(List<Integer> hidden, double learningRate, double l2, int maxEpochs, int patience,
        int batchSize, long seed) {

    /**
     * Checks the settings.
     *
     * @throws VivariumException naming the first setting out of range
     */
    public MlpSettings {
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new VivariumException("an MLP needs at least one hidden layer of width >= 1, got " + hidden,
                    "pass e.g. hidden [32]");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new VivariumException("the MLP learning rate must be > 0, got " + learningRate, "pass e.g. 1e-2");
        }
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new VivariumException("the MLP L2 penalty must be >= 0, got " + l2, "pass e.g. 1e-4");
        }
        if (maxEpochs < 1 || patience < 1 || batchSize < 1) {
            throw new VivariumException("MLP maxEpochs, patience and batchSize must be >= 1, got " + maxEpochs + ", "
                    + patience + ", " + batchSize, "pass e.g. 200 epochs, patience 20, batch 64");
        }
    }

    /**
     * Settings that suit probes on a few hundred to a few thousand activation rows: one hidden layer of 32,
     * learning rate 1e-2, L2 1e-4, at most 300 epochs, patience 30, batches of 64.
     *
     * @param seed the seed
     * @return the settings
     */
    public static MlpSettings defaults(long seed) {
        return new MlpSettings(List.of(32), 1e-2, 1e-4, 300, 30, 64, seed);
    }
}
