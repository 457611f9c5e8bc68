package org.vivarium.plugin.steering.direction;

import org.vivarium.api.model.HookName;
import org.vivarium.plugin.steering.math.Separation;
import org.vivarium.plugin.steering.math.Vectors;

/**
 * A contrastive direction at one residual site.
 *
 * @param layer residual-stream layer index (see {@link ResidualSites})
 * @param hook the hook it was read at and is applied at
 * @param vector mean(positive) minus mean(negative), unscaled
 * @param separation how well projections onto it separate held-out prompts
 */
public record LayerDirection(int layer, HookName hook, float[] vector, Separation separation) {
    /** Copies the vector. */
    public LayerDirection {
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** @return the Euclidean norm of the vector */
    public double norm() {
        return Vectors.norm(vector);
    }

    /**
     * Returns this direction with another separation score (e.g. one measured by cross-fitting).
     *
     * @param s the score
     * @return a copy
     */
    public LayerDirection withSeparation(Separation s) {
        return new LayerDirection(layer, hook, vector, s);
    }
}
