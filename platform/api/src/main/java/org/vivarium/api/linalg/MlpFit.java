package org.vivarium.api.linalg;

/**
 * The outcome of {@link LinearAlgebra#fitMlp}: the model of the best epoch and the validation history.
 *
 * @param classifier the model with the lowest validation loss
 * @param bestEpoch the epoch that model comes from (0-based)
 * @param epochs how many epochs ran before stopping
 * @param validationLoss the mean validation cross-entropy after each epoch, {@code epochs} values
 */
public record MlpFit(MlpClassifier classifier, int bestEpoch, int epochs, double[] validationLoss) {

    /** @return the lowest validation loss, the one of {@link #bestEpoch()} */
    public double bestValidationLoss() {
        return validationLoss[bestEpoch];
    }
}
