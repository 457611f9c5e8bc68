package org.vivarium.plugin.probes.math;

import java.util.Arrays;
import java.util.List;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.linalg.MlpClassifier;
import org.vivarium.api.linalg.MlpFit;
import org.vivarium.api.linalg.MlpSettings;

/**
 * A nonlinear probe: an MLP classifier (one hidden ReLU layer of {@value #HIDDEN}) fitted by the host's
 * {@link LinearAlgebra} (Deeplearning4j), with early stopping on a validation set the fit never trains on. Its score
 * is the logit of the class-1 probability, so it is positive exactly where the probe predicts class 1.
 *
 * <pre>{@code
 * MlpProbe p = MlpProbe.fit(ctx.linearAlgebra(), fitX, fitY, validationX, validationY, seed);
 * double[] logits = p.scores(testX);
 * }</pre>
 */
public final class MlpProbe implements Probe {
    /** Width of the hidden layer. */
    public static final int HIDDEN = 32;
    private static final double CLIP = 1e-7;

    private final MlpClassifier classifier;
    private final MlpFit fit;

    private MlpProbe(MlpFit fit) {
        this.classifier = fit.classifier();
        this.fit = fit;
    }

    /**
     * Fits the probe.
     *
     * @param la the host's linear algebra
     * @param x training rows
     * @param y their labels, both classes present
     * @param validationX rows that choose the stopping epoch (never trained on)
     * @param validationY their labels
     * @param seed the seed of initialisation and shuffling
     * @return the probe of the epoch with the lowest validation loss
     */
    public static MlpProbe fit(LinearAlgebra la, float[][] x, int[] y, float[][] validationX, int[] validationY,
            long seed) {
        MlpSettings defaults = MlpSettings.defaults(seed);
        MlpSettings s = new MlpSettings(List.of(HIDDEN), defaults.learningRate(), defaults.l2(),
                defaults.maxEpochs(), defaults.patience(), defaults.batchSize(), seed);
        return new MlpProbe(la.fitMlp(x, y, validationX, validationY, s));
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.MLP;
    }

    @Override
    public int width() {
        return classifier.width();
    }

    @Override
    public double score(float[] data, int offset) {
        return scores(new float[][] {Arrays.copyOfRange(data, offset, offset + width())})[0];
    }

    @Override
    public double[] scores(float[][] rows) {
        double[] p = classifier.probabilities(rows);
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - CLIP, Math.max(CLIP, p[i]));
            p[i] = Math.log(q / (1 - q));
        }
        return p;
    }

    /** @return the epoch whose model was kept (0-based) */
    public int bestEpoch() {
        return fit.bestEpoch();
    }

    /** @return how many epochs ran before early stopping */
    public int epochs() {
        return fit.epochs();
    }

    /** @return the validation cross-entropy of the kept epoch */
    public double validationLoss() {
        return fit.bestValidationLoss();
    }
}
