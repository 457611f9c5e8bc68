package org.vivarium.api.linalg;

import org.osgi.annotation.versioning.ProviderType;

/** A fitted binary MLP classifier; thread-safe. */
@ProviderType
public interface MlpClassifier {

    /** @return the input width */
    int width();

    /**
     * Scores rows.
     *
     * @param x rows of {@link #width()} values
     * @return {@code P(class 1)} per row
     * @throws org.vivarium.api.VivariumException if a row has the wrong width
     */
    double[] probabilities(float[][] x);
}
