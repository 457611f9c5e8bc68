package org.vivarium.runtime.hook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Hook;

/**
 * Builds a 0/1 mask, broadcastable to a hook's activation, that selects the hook's positions and
 * heads; {@code null} when the hook touches everything.
 */
final class HookMask {
    private HookMask() {
    }

    /**
     * Builds the mask.
     *
     * @param m manager for the mask array
     * @param hook the hook with its restrictions
     * @param x the activation
     * @return the mask, or {@code null} for "all"
     */
    static NDArray build(NDManager m, Hook hook, NDArray x) {
        int[] pos = hook.positions();
        int[] heads = hook.heads();
        if (pos == null && heads == null) {
            return null;
        }
        HookAxes axes = HookAxes.of(hook.name());
        long[] shape = x.getShape().getShape();
        long[] maskShape = new long[shape.length];
        Arrays.fill(maskShape, 1);
        int nPos = (int) shape[axes.posAxis()];
        boolean[] posSel = select(pos, nPos, "position", hook);
        int nHeads = axes.headAxis() >= 0 ? (int) shape[axes.headAxis()] : 1;
        boolean[] headSel = axes.headAxis() >= 0 ? select(heads, nHeads, "head", hook) : new boolean[] {true};
        maskShape[axes.posAxis()] = nPos;
        if (axes.headAxis() >= 0) {
            maskShape[axes.headAxis()] = nHeads;
        }
        float[] data = new float[nPos * nHeads];
        boolean headFirst = axes.headAxis() >= 0 && axes.headAxis() < axes.posAxis();
        for (int p = 0; p < nPos; p++) {
            for (int h = 0; h < nHeads; h++) {
                int idx = headFirst ? h * nPos + p : p * nHeads + h;
                data[idx] = posSel[p] && headSel[h] ? 1f : 0f;
            }
        }
        return m.create(data, new Shape(maskShape));
    }

    private static boolean[] select(int[] wanted, int n, String what, Hook hook) {
        boolean[] sel = new boolean[n];
        if (wanted == null) {
            Arrays.fill(sel, true);
            return sel;
        }
        for (int w : wanted) {
            int i = w < 0 ? n + w : w;
            if (i < 0 || i >= n) {
                throw new VivariumException("hook " + hook.name() + " selects " + what + " " + w
                        + " but the activation has " + n + " " + what + "s", "use a " + what + " in 0.." + (n - 1)
                        + " (negative values count from the end)");
            }
            sel[i] = true;
        }
        return sel;
    }
}
