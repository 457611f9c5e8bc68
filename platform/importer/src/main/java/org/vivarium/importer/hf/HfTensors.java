package org.vivarium.importer.hf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.ParameterShapes;

/**
 * The tensors of a Hugging Face checkpoint by name, taken one by one with their shapes checked, so the import can
 * say which tensor is missing, has the wrong shape or was left over. Also the layout changes from Hugging Face's
 * {@code nn.Linear} weights ({@code [out, in]}) to TransformerLens' per-head matrices.
 */
final class HfTensors {
    private final Map<String, Tensor> tensors;
    private final String source;
    private final Set<String> taken = new TreeSet<>();

    HfTensors(Map<String, Tensor> tensors, String source) {
        this.tensors = new LinkedHashMap<>(tensors);
        this.source = source;
    }

    /** Whether a tensor is present. */
    boolean has(String name) {
        return tensors.containsKey(name);
    }

    /**
     * Takes a tensor and checks its shape.
     *
     * @throws VivariumException if it is missing or its shape differs from what config.json implies
     */
    Tensor take(String name, int... shape) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new VivariumException(source + " has no tensor " + name + " (expected shape "
                    + ParameterShapes.format(shape) + ")", "point viv import hf at a complete " + "Hugging Face"
                    + " model directory whose config.json matches its weights");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new VivariumException("mismatched shapes: " + name + " in " + source + " is "
                    + ParameterShapes.format(t.shape()) + " but config.json implies " + ParameterShapes.format(shape),
                    "use the config.json that belongs to these weights");
        }
        taken.add(name);
        return t;
    }

    /** Takes a bias if the config says it exists, else returns zeros of that shape. */
    Tensor biasOrZeros(boolean present, String name, int n) {
        return present ? take(name, n) : Tensor.zeros(n);
    }

    /**
     * Fails on tensors nothing took (a part of the model the import would silently drop), except known buffers.
     *
     * @param ignorable suffixes of non-parameter buffers (e.g. {@code .attn.bias} causal masks)
     */
    void requireAllTaken(List<String> ignorable) {
        List<String> left = new ArrayList<>();
        for (String n : tensors.keySet()) {
            if (!taken.contains(n) && ignorable.stream().noneMatch(n::endsWith)) {
                left.add(n);
            }
        }
        if (!left.isEmpty()) {
            throw new VivariumException(source + " has " + left.size() + " tensors this architecture does not use: "
                    + (left.size() > 5 ? left.subList(0, 5) + " ..." : left),
                    "the config.json does not describe these weights (or they belong to an unsupported variant); "
                    + HfArchitecture.SUPPORTED);
        }
    }

    /** {@code [rows, cols]} to {@code [cols, rows]}. */
    static Tensor transpose(Tensor t) {
        int r = t.shape()[0];
        int c = t.shape()[1];
        float[] src = t.data();
        float[] out = new float[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = src[i * c + j];
            }
        }
        return Tensor.of(out, c, r);
    }

    /** Which output row of an {@code [out, in]} weight holds feature {@code e} of head {@code h}. */
    @FunctionalInterface
    interface RowOf {
        int row(int head, int e);
    }

    /**
     * An {@code nn.Linear} input projection {@code [out, d_model]} to TransformerLens' {@code [n_heads, d_model,
     * d_head]}; {@code groups} query heads share each stored head (grouped-query attention, as {@code repeat_kv}).
     */
    static Tensor headsIn(Tensor linear, int heads, int dHead, int groups, RowOf rows) {
        int d = linear.shape()[1];
        float[] w = linear.data();
        float[] out = new float[heads * d * dHead];
        for (int h = 0; h < heads; h++) {
            for (int e = 0; e < dHead; e++) {
                int row = rows.row(h / groups, e);
                for (int i = 0; i < d; i++) {
                    out[(h * d + i) * dHead + e] = w[row * d + i];
                }
            }
        }
        return Tensor.of(out, heads, d, dHead);
    }

    /** A bias of an input projection to {@code [n_heads, d_head]}, heads shared as in {@link #headsIn}. */
    static Tensor headBias(Tensor bias, int heads, int dHead, int groups, RowOf rows) {
        float[] b = bias.data();
        float[] out = new float[heads * dHead];
        for (int h = 0; h < heads; h++) {
            for (int e = 0; e < dHead; e++) {
                out[h * dHead + e] = b[rows.row(h / groups, e)];
            }
        }
        return Tensor.of(out, heads, dHead);
    }

    /** An {@code nn.Linear} output projection {@code [d_model, n_heads * d_head]} to {@code [n_heads, d_head, d_model]}. */
    static Tensor headsOut(Tensor linear, int heads, int dHead) {
        return transpose(linear).reshape(heads, dHead, linear.shape()[0]);
    }
}
