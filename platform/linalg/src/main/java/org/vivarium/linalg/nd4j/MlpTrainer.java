package org.vivarium.linalg.nd4j;

import java.util.Map;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.MlpFit;
import org.vivarium.api.linalg.MlpSettings;

/**
 * Fits a binary MLP with Deeplearning4j: features standardized on the training rows ({@link NormalizerStandardize}),
 * dense ReLU layers, a 2-way softmax output with cross-entropy, Adam, and DL4J's {@link EarlyStoppingTrainer} scoring
 * the validation loss after every epoch and keeping the best model in memory.
 */
final class MlpTrainer {
    private MlpTrainer() {
    }

    /**
     * Fits a classifier.
     *
     * @param trainX training rows
     * @param trainY their labels
     * @param valX validation rows
     * @param valY their labels
     * @param s settings
     * @return the best model and the validation history
     */
    static MlpFit fit(float[][] trainX, int[] trainY, float[][] valX, int[] valY, MlpSettings s) {
        DataSet train = dataSet(trainX, trainY, "the training rows");
        DataSet val = dataSet(valX, valY, "the validation rows");
        int width = trainX[0].length;
        if (valX[0].length != width) {
            throw new VivariumException("validation rows have " + valX[0].length + " values, training rows " + width,
                    "take both from the same features");
        }
        requireBothClasses(trainY);
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(train);
        normalizer.transform(train);
        normalizer.transform(val);
        train.shuffle(s.seed());

        MultiLayerNetwork net = new MultiLayerNetwork(configuration(width, s));
        net.init();
        int batch = Math.min(s.batchSize(), trainX.length);
        EarlyStoppingConfiguration<MultiLayerNetwork> stopping = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(s.maxEpochs()),
                        new ScoreImprovementEpochTerminationCondition(s.patience()))
                .scoreCalculator(new DataSetLossCalculator(new ListDataSetIterator<>(val.asList(), valX.length), true))
                .evaluateEveryNEpochs(1)
                .modelSaver(new InMemoryModelSaver<>())
                .build();
        EarlyStoppingResult<MultiLayerNetwork> result = new EarlyStoppingTrainer(stopping, net,
                new ListDataSetIterator<>(train.asList(), batch)).fit();
        if (result.getTerminationReason() == EarlyStoppingResult.TerminationReason.Error) {
            throw new VivariumException("MLP training failed: " + result.getTerminationDetails(),
                    "check the rows for extreme values or lower the learning rate");
        }
        Map<Integer, Double> scores = result.getScoreVsEpoch();
        int epochs = result.getTotalEpochs();
        double[] loss = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            loss[e] = scores.getOrDefault(e, Double.NaN);
        }
        return new MlpFit(new Dl4jMlpClassifier(result.getBestModel(), normalizer, width), result.getBestModelEpoch(),
                epochs, loss);
    }

    private static org.deeplearning4j.nn.conf.MultiLayerConfiguration configuration(int width, MlpSettings s) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(s.learningRate()))
                .l2(s.l2())
                .list();
        int in = width;
        for (int h : s.hidden()) {
            layers.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(Activation.RELU).build());
            in = h;
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(2)
                .weightInit(WeightInit.XAVIER).activation(Activation.SOFTMAX).build());
        return layers.build();
    }

    private static DataSet dataSet(float[][] x, int[] y, String what) {
        INDArray features = Matrices.rows(x, what);
        if (y.length != x.length) {
            throw new VivariumException(what + ": " + x.length + " rows but " + y.length + " labels",
                    "pass one label per row");
        }
        INDArray labels = Nd4j.zeros(DataType.FLOAT, y.length, 2);
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new VivariumException(what + ": label " + i + " is " + y[i], "use labels 0 and 1");
            }
            labels.putScalar(i, y[i], 1f);
        }
        return new DataSet(features, labels);
    }

    private static void requireBothClasses(int[] y) {
        int positives = 0;
        for (int label : y) {
            positives += label;
        }
        if (positives == 0 || positives == y.length) {
            throw new VivariumException("the training rows hold only class " + (positives == 0 ? 0 : 1),
                    "pass training rows of both classes");
        }
    }
}
