package org.vivarium.api.model;

import java.util.Arrays;
import org.vivarium.api.tensor.Tensor;

/**
 * An operation at one hook point, optionally restricted to some positions and heads.
 *
 * <pre>{@code
 * // steer: add 4 * v to the residual stream at layer 1, last position only
 * Hook steer = Hook.add(HookName.residPost(1), v, 4f).atPositions(7);
 * // knock out head 3 of layer 1
 * Hook ko = Hook.zeroAblate(HookName.attn(1, "z")).onHeads(3);
 * // patch a clean activation into a corrupted run
 * Hook patch = Hook.replace(HookName.residPre(1), clean.get("blocks.1.hook_resid_pre")).atPositions(4);
 * }</pre>
 *
 * <p>Positions index the {@code pos} axis (the query axis of {@code hook_pattern} and
 * {@code hook_attn_scores}); heads index the head axis of attention hooks and are rejected on
 * hooks without one. {@code null} means all.
 *
 * @param name where the hook runs
 * @param op what it does
 * @param positions positions it touches, or {@code null} for all
 * @param heads heads it touches, or {@code null} for all
 */
public record Hook(HookName name, HookOp op, int[] positions, int[] heads) {

    /** Validates the parts. */
    public Hook {
        if (name == null || op == null) {
            throw new IllegalArgumentException("a hook needs a name and an operation");
        }
        if (heads != null && !name.hasHeads()) {
            throw new IllegalArgumentException("hook " + name + " has no head axis; restrict heads only on "
                    + "attn.hook_q|k|v|z|attn_scores|pattern");
        }
        positions = positions == null ? null : positions.clone();
        heads = heads == null ? null : heads.clone();
    }

    /**
     * Replaces the activation (patching).
     *
     * @param name hook point
     * @param value activation of the full hook shape
     * @return the hook
     */
    public static Hook replace(HookName name, Tensor value) {
        return new Hook(name, new HookOp.Replace(value), null, null);
    }

    /**
     * Adds a scaled direction along the last axis (steering).
     *
     * @param name hook point
     * @param direction vector of last-axis width
     * @param coefficient scale
     * @return the hook
     */
    public static Hook add(HookName name, float[] direction, float coefficient) {
        return new Hook(name, new HookOp.Add(direction.clone(), coefficient), null, null);
    }

    /**
     * Projects a direction out of the activation (directional ablation).
     *
     * @param name hook point
     * @param direction vector of last-axis width
     * @return the hook
     */
    public static Hook projectOut(HookName name, float[] direction) {
        return new Hook(name, new HookOp.ProjectOut(direction.clone()), null, null);
    }

    /**
     * Zero-ablates.
     *
     * @param name hook point
     * @return the hook
     */
    public static Hook zeroAblate(HookName name) {
        return new Hook(name, new HookOp.Ablate(AblationMode.ZERO), null, null);
    }

    /**
     * Mean-ablates (mean over batch and the selected positions).
     *
     * @param name hook point
     * @return the hook
     */
    public static Hook meanAblate(HookName name) {
        return new Hook(name, new HookOp.Ablate(AblationMode.MEAN), null, null);
    }

    /**
     * Runs user code.
     *
     * @param name hook point
     * @param fn the code
     * @return the hook
     */
    public static Hook apply(HookName name, HookFunction fn) {
        return new Hook(name, new HookOp.Apply(fn), null, null);
    }

    /**
     * Runs user code that treats every batch row and position on its own (e.g. adds {@code x . M} to each
     * position's vector {@code x}). Unlike {@link #apply}, {@link BatchedDecoding} may then decode several prompts
     * in one batch with it; code that mixes rows or positions, or keeps state across calls other than what the
     * same forward pass gives it, must use {@link #apply}.
     *
     * @param name hook point
     * @param fn the code
     * @return the hook
     */
    public static Hook applyPerPosition(HookName name, HookFunction fn) {
        return new Hook(name, new HookOp.Apply(fn, true), null, null);
    }

    /**
     * Restricts to positions.
     *
     * @param pos position indices (negative counts from the end)
     * @return a restricted copy
     */
    public Hook atPositions(int... pos) {
        return new Hook(name, op, pos, heads);
    }

    /**
     * Restricts to heads.
     *
     * @param h head indices
     * @return a restricted copy
     */
    public Hook onHeads(int... h) {
        return new Hook(name, op, positions, h);
    }

    @Override
    public int[] positions() {
        return positions == null ? null : positions.clone();
    }

    @Override
    public int[] heads() {
        return heads == null ? null : heads.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hook h && h.name.equals(name) && h.op.equals(op)
                && Arrays.equals(h.positions, positions) && Arrays.equals(h.heads, heads);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + op.hashCode()) + Arrays.hashCode(positions) + Arrays.hashCode(heads);
    }

    @Override
    public String toString() {
        return "Hook[" + name + " " + op.getClass().getSimpleName()
                + (positions == null ? "" : " pos=" + Arrays.toString(positions))
                + (heads == null ? "" : " heads=" + Arrays.toString(heads)) + "]";
    }
}
