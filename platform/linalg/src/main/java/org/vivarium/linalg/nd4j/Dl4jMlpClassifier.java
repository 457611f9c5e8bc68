package org.vivarium.linalg.nd4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.MlpClassifier;

/** A fitted DL4J network with the standardization of its training rows. */
final class Dl4jMlpClassifier implements MlpClassifier {
    private final MultiLayerNetwork net;
    private final NormalizerStandardize normalizer;
    private final int width;

    Dl4jMlpClassifier(MultiLayerNetwork net, NormalizerStandardize normalizer, int width) {
        this.net = net;
        this.normalizer = normalizer;
        this.width = width;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public synchronized double[] probabilities(float[][] x) {
        if (x.length == 0) {
            return new double[0];
        }
        INDArray features = Matrices.rows(x, "the rows to score");
        if (features.columns() != width) {
            throw new VivariumException("rows have " + features.columns() + " values but the MLP takes " + width,
                    "score rows from the hook the MLP was fitted on");
        }
        normalizer.transform(features);
        INDArray out = net.output(features, false);
        return out.getColumn(1).toDoubleVector();
    }
}
