package org.vivarium.organisms.superposition;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/** Trains one toy model at one feature density with Adam, seeded. */
public final class ToyTrainer {
    private ToyTrainer() {
    }

    /**
     * The result of one run.
     *
     * @param model the trained model
     * @param losses the batch loss after every step
     */
    public record Run(ToyModel model, double[] losses) {
    }

    /**
     * Trains.
     *
     * @param cfg the sweep recipe (shape, steps, batch, learning rate)
     * @param density {@code 1 - S}
     * @param seed seeds the initial weights and the data
     * @param onStep called with the loss after every step (for progress); may be {@code null}
     * @return the model and its loss curve
     */
    public static Run train(SweepConfig cfg, double density, long seed, DoubleConsumer onStep) {
        SplittableRandom rng = new SplittableRandom(seed);
        ToyModel model = ToyModel.initial(cfg.hidden(), cfg.features(), rng.split());
        SparseFeatures data = new SparseFeatures(cfg.features(), density, rng.split());
        double[] importance = cfg.importance();
        Adam adam = new Adam(cfg.hidden(), cfg.features(), cfg.learningRate());
        double[][] batch = new double[cfg.batchSize()][cfg.features()];
        double[][] gw = new double[cfg.hidden()][cfg.features()];
        double[] gb = new double[cfg.features()];
        double[] losses = new double[cfg.steps()];
        for (int s = 0; s < cfg.steps(); s++) {
            data.fill(batch);
            for (double[] row : gw) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(gb, 0);
            losses[s] = model.lossAndGradient(batch, importance, gw, gb);
            adam.step(model, gw, gb);
            if (onStep != null) {
                onStep.accept(losses[s]);
            }
        }
        return new Run(model, losses);
    }

    /**
     * The seed of the model at one position of the sweep: every density gets its own stream, so a model does
     * not depend on which other densities were trained.
     *
     * @param seed the run seed
     * @param density 1 - S
     * @return the derived seed
     */
    public static long seedFor(long seed, double density) {
        long z = seed * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(density);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
