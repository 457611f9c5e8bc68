package org.vivarium.plugin.steering.io;

import org.vivarium.api.model.HookName;
import org.vivarium.plugin.steering.extract.PositionMode;

/**
 * A direction read back from {@code direction.json}.
 *
 * @param layer residual-stream layer index
 * @param hook where it was read and is applied
 * @param position how prompt vectors were formed
 * @param vector the raw mean-difference vector
 * @param checkpoint the checkpoint it was fitted on
 * @param organism the organism name, or empty
 */
public record SavedDirection(int layer, HookName hook, PositionMode position, float[] vector, String checkpoint,
        String organism) {
    /** Copies the vector. */
    public SavedDirection {
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }
}
