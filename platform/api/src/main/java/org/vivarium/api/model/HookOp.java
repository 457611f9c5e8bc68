package org.vivarium.api.model;

import org.vivarium.api.tensor.Tensor;

/** What a {@link Hook} does to the activation it is attached to. */
public sealed interface HookOp {

    /**
     * Replaces the activation with a stored one (activation patching); {@code value} must have
     * the hook's full shape.
     *
     * @param value the activation to patch in, e.g. from a clean run's cache
     */
    record Replace(Tensor value) implements HookOp {
    }

    /**
     * Adds {@code coefficient * direction} along the last axis (activation steering).
     *
     * @param direction a vector of the hook's last-axis width (d_model, d_head, d_mlp, ...)
     * @param coefficient its scale
     */
    record Add(float[] direction, float coefficient) implements HookOp {
    }

    /**
     * Projects {@code direction} out of the activation along its last axis (directional ablation):
     * {@code x - (x . d) d / |d|^2}.
     *
     * @param direction the direction to remove
     */
    record ProjectOut(float[] direction) implements HookOp {
    }

    /**
     * Ablates the activation.
     *
     * @param mode zero or mean
     */
    record Ablate(AblationMode mode) implements HookOp {
    }

    /**
     * Runs user code on the activation.
     *
     * @param function the code
     * @param perPosition the code maps each batch row's vector at each position on its own (nothing mixes rows or
     *        positions, and padding after a row's last token does not change that row), so batched decoding may
     *        run it; see {@link Hook#applyPerPosition}
     */
    record Apply(HookFunction function, boolean perPosition) implements HookOp {
        /**
         * User code that may depend on the whole activation (not batch safe).
         *
         * @param function the code
         */
        public Apply(HookFunction function) {
            this(function, false);
        }
    }
}
