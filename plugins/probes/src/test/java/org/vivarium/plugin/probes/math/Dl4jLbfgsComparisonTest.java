package org.vivarium.plugin.probes.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Why the probes keep their own {@link Lbfgs}: the same L2-regularised logistic regression fitted as a Deeplearning4j
 * network (one sigmoid output unit, binary cross-entropy averaged over the rows, {@code l2} on the weights and not on
 * the bias, full batch, double precision, on the same standardized rows). DL4J's gradient descent, run to
 * convergence, reaches the optimum {@link LogisticProbe} finds (same objective, same logits); DL4J's own LBFGS stops
 * early at the probes' default {@code --l2 1e-3}, far above that optimum. 400 rows x 128 dimensions, the shape of
 * the probes' end-to-end data. Prints the measured numbers.
 */
class Dl4jLbfgsComparisonTest {
    private static final int ROWS = 400;
    private static final int WIDTH = 128;

    @Test
    void dl4jGradientDescentReachesTheOptimumLbfgsFinds() {
        Comparison c = Comparison.of(1e-2, OptimizationAlgorithm.LINE_GRADIENT_DESCENT);
        double logits = maxLogitDifference(c.data.x, c.ours, c.theirs.probe);
        System.out.printf("max logit difference %.2e%n", logits);
        assertEquals(c.theirs.objective, c.ourObjective, 1e-6, "both reach the same minimum");
        assertTrue(c.cosine > 0.9999, "direction cosine " + c.cosine);
        assertTrue(logits < 1e-2, "max logit difference " + logits);
    }

    @Test
    void dl4jLbfgsStopsShortOfTheOptimumAtTheDefaultPenalty() {
        Comparison c = Comparison.of(1e-3, OptimizationAlgorithm.LBFGS);
        assertTrue(c.theirs.objective > c.ourObjective + 0.005,
                "DL4J's LBFGS now reaches the optimum (" + c.theirs.objective + " vs " + c.ourObjective
                        + "): fit the logistic probe through it and delete Lbfgs");
        assertTrue(c.cosine < 0.99, "direction cosine " + c.cosine);
    }

    /** Both fits of one data set (400 x 128, seed 21) at one penalty, printed. */
    private record Comparison(GaussianData data, LinearProbe ours, Dl4jFit theirs, double cosine,
            double ourObjective) {
        static Comparison of(double l2, OptimizationAlgorithm algorithm) {
            GaussianData data = GaussianData.generate(ROWS, WIDTH, 3, 21);
            LinearProbe ours = new LogisticProbe(l2).fit(data.x, data.y);
            Dl4jFit theirs = Dl4jFit.run(data.x, data.y, l2, algorithm, 500);
            double cos = Vectors.cosine(ours.direction(), theirs.probe.direction());
            double ourObjective = theirs.objectiveOf(ours);
            System.out.printf("l2 %g: LogisticProbe objective %.8f, DL4J %s %.8f after %d fits (%d ms);"
                    + " direction cosine %.6f%n", l2, ourObjective, algorithm, theirs.objective, theirs.fits,
                    theirs.millis, cos);
            return new Comparison(data, ours, theirs, cos, ourObjective);
        }
    }

    private static double maxLogitDifference(float[][] x, LinearProbe a, LinearProbe b) {
        double max = 0;
        for (float[] row : x) {
            max = Math.max(max, Math.abs(a.score(row, 0) - b.score(row, 0)));
        }
        return max;
    }

    /** A DL4J fit of the probe objective on standardized rows, and the objective it reached. */
    private record Dl4jFit(LinearProbe probe, double objective, int fits, long millis, MultiLayerNetwork net,
            DataSet rows, double[] std, double[] rawMean) {

        static Dl4jFit run(float[][] x, int[] y, double l2, OptimizationAlgorithm algorithm, int maxFits) {
            Standardizer standardizer = Standardizer.fit(x);
            double[][] z = standardizer.apply(x);
            INDArray labels = Nd4j.zeros(DataType.DOUBLE, y.length, 1);
            for (int i = 0; i < y.length; i++) {
                labels.putScalar(i, 0, y[i]);
            }
            DataSet rows = new DataSet(Nd4j.create(z), labels);
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                    .dataType(DataType.DOUBLE).optimizationAlgo(algorithm).miniBatch(true)
                    .weightInit(WeightInit.ZERO).updater(new Sgd(1.0)).maxNumLineSearchIterations(20).l2(l2).list()
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(WIDTH).nOut(1)
                            .activation(Activation.SIGMOID).build())
                    .build());
            net.init();
            long start = System.nanoTime();
            int fits = 0;
            int unchanged = 0;
            double previous = Double.NaN;
            while (fits < maxFits && unchanged < 5) {
                net.fit(rows);
                fits++;
                unchanged = Math.abs(previous - net.score()) < 1e-12 ? unchanged + 1 : 0;
                previous = net.score();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            double[] w = net.getLayer(0).getParam("W").reshape(WIDTH).toDoubleVector();
            double b = net.getLayer(0).getParam("b").getDouble(0);
            double[] std = new double[WIDTH];
            double[] rawMean = new double[WIDTH];
            for (int j = 0; j < WIDTH; j++) {
                std[j] = (x[0][j] - x[1][j]) / (z[0][j] - z[1][j]);
                rawMean[j] = x[0][j] - z[0][j] * std[j];
            }
            return new Dl4jFit(standardizer.toRaw(ProbeKind.LOGISTIC, w, b), net.score(rows), fits, millis, net,
                    rows, std, rawMean);
        }

        /** The objective (mean log-loss + l2/2 |w_standardized|^2) of a raw-space probe, scored by DL4J. */
        double objectiveOf(LinearProbe p) {
            double[] w = new double[WIDTH];
            double b = p.bias();
            for (int j = 0; j < WIDTH; j++) {
                w[j] = p.direction()[j] * std[j];
                b += p.direction()[j] * rawMean[j];
            }
            MultiLayerNetwork copy = net.clone();
            copy.getLayer(0).setParam("W", Nd4j.create(w, new long[] {WIDTH, 1}));
            copy.getLayer(0).setParam("b", Nd4j.create(new double[] {b}, new long[] {1, 1}));
            return copy.score(rows);
        }
    }
}
