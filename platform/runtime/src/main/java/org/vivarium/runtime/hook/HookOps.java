package org.vivarium.runtime.hook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.AblationMode;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookOp;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.runtime.nd.Tensors;

/** Carries out one {@link HookOp} on an activation, honouring position and head restrictions. */
final class HookOps {
    private HookOps() {
    }

    /**
     * Applies a hook.
     *
     * @param m manager for temporaries
     * @param hook the hook
     * @param x the activation
     * @return the new activation
     */
    static NDArray apply(NDManager m, Hook hook, NDArray x) {
        NDArray mask = HookMask.build(m, hook, x);
        HookOp op = hook.op();
        if (op instanceof HookOp.Add add) {
            NDArray dir = vector(m, hook, add.direction(), x).mul(Tensors.scalar(m, add.coefficient()));
            return x.add(mask == null ? dir : dir.mul(mask));
        }
        if (op instanceof HookOp.ProjectOut po) {
            NDArray d = vector(m, hook, po.direction(), x);
            float n2 = 0;
            for (float v : po.direction()) {
                n2 += v * v;
            }
            if (n2 == 0f) {
                throw new VivariumException("hook " + hook.name() + ": cannot project out a zero direction",
                        "pass a non-zero direction");
            }
            NDArray coeff = x.mul(d).sum(new int[] {-1}, true).div(Tensors.scalar(m, n2));
            NDArray removed = coeff.mul(d);
            return x.sub(mask == null ? removed : removed.mul(mask));
        }
        if (op instanceof HookOp.Replace rep) {
            NDArray v = Tensors.toNd(m, checkShape(hook, rep.value(), x));
            return mask == null ? v : blend(x, v, mask);
        }
        if (op instanceof HookOp.Ablate ab) {
            NDArray v;
            if (ab.mode() == AblationMode.ZERO) {
                v = x.zerosLike();
            } else {
                v = mean(m, hook, x, mask);
            }
            return mask == null ? v : blend(x, v, mask);
        }
        if (op instanceof HookOp.Apply ap) {
            Tensor in = Tensors.toTensor(x);
            Tensor out = ap.function().apply(hook.name(), in);
            NDArray v = Tensors.toNd(m, checkShape(hook, out, x));
            return mask == null ? v : blend(x, v, mask);
        }
        throw new IllegalStateException("unhandled hook op " + op);
    }

    private static NDArray blend(NDArray x, NDArray v, NDArray mask) {
        return x.mul(mask.neg().add(1f)).add(v.mul(mask));
    }

    /** Mean over batch and the selected positions (all positions when unrestricted). */
    private static NDArray mean(NDManager m, Hook hook, NDArray x, NDArray mask) {
        HookAxes axes = HookAxes.of(hook.name());
        int[] reduce = {0, axes.posAxis()};
        if (mask == null || hook.positions() == null) {
            return x.mean(new int[] {axes.posAxis()}, true).mean(new int[] {0}, true).broadcast(x.getShape());
        }
        long[] s = x.getShape().getShape();
        long[] posOnly = new long[s.length];
        Arrays.fill(posOnly, 1);
        posOnly[axes.posAxis()] = s[axes.posAxis()];
        float[] sel = new float[(int) s[axes.posAxis()]];
        int count = 0;
        for (int p : hook.positions()) {
            int i = p < 0 ? sel.length + p : p;
            if (sel[i] == 0f) {
                count++;
            }
            sel[i] = 1f;
        }
        NDArray pm = m.create(sel, new Shape(posOnly));
        return x.mul(pm).sum(reduce, true).div(Tensors.scalar(m, (float) count * s[0])).broadcast(x.getShape());
    }

    private static NDArray vector(NDManager m, Hook hook, float[] dir, NDArray x) {
        long width = x.getShape().get(x.getShape().dimension() - 1);
        if (dir.length != width) {
            throw new VivariumException("hook " + hook.name() + " got a direction of length " + dir.length
                    + " but the activation's last axis has width " + width, "pass a vector of length " + width);
        }
        return m.create(dir);
    }

    private static Tensor checkShape(Hook hook, Tensor t, NDArray x) {
        long[] want = x.getShape().getShape();
        int[] got = t.shape();
        List<Long> g = new ArrayList<>();
        for (int v : got) {
            g.add((long) v);
        }
        if (!Arrays.equals(Arrays.stream(got).asLongStream().toArray(), want)) {
            throw new VivariumException("hook " + hook.name() + " got a tensor of shape " + g
                    + " but the activation has shape " + Arrays.toString(want),
                    "patch with an activation from a run of the same batch and sequence length");
        }
        return t;
    }
}
