package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;

/**
 * Weight-space model diffing: the tensors in which an audited model differs from its base, turned into hooks that
 * give the base model {@code alpha} times the difference. The MLP output matrix {@code blocks.L.mlp.W_out} is
 * interpolated exactly: the hook on its output ({@code hook_mlp_out}) adds {@code alpha * input . (W_audited -
 * W_base)}, with the input read at {@code mlp.hook_post}; the biases {@code mlp.b_out} and (ungated MLPs)
 * {@code mlp.b_in} add {@code alpha * (b_audited - b_base)} at their outputs. (The matrices before the MLP's
 * nonlinearity read the normalised residual after the norm's weights, which no hook exposes, so they are not
 * interpolated.) At {@code alpha = 1} the hooked base model computes what the audited model
 * computes. Other differing tensors are listed by {@link #unsupported()} and left out. The product is the host's
 * {@link LinearAlgebra#gemm} (ND4J), one call per hooked forward pass.
 */
public final class WeightDiffHooks {
    /** Tensors whose absolute difference stays at or below this are equal. */
    static final float EQUAL = 1e-7f;

    private final ModelConfig config;
    private final LinearAlgebra la;
    private final Map<String, Tensor> deltas;
    private final List<String> unsupported;

    private WeightDiffHooks(ModelConfig config, LinearAlgebra la, Map<String, Tensor> deltas,
            List<String> unsupported) {
        this.config = config;
        this.la = la;
        this.deltas = deltas;
        this.unsupported = List.copyOf(unsupported);
    }

    /**
     * Compares the two models' weights.
     *
     * @param audited the fine-tuned model
     * @param base its base model (same shapes)
     * @param la the host's linear algebra, for the hooks' products
     * @return the supported differences
     */
    public static WeightDiffHooks of(Model audited, Model base, LinearAlgebra la) {
        Map<String, Tensor> wa = audited.weights();
        Map<String, Tensor> wb = base.weights();
        Map<String, Tensor> deltas = new LinkedHashMap<>();
        List<String> unsupported = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : wa.entrySet()) {
            Tensor b = wb.get(e.getKey());
            float[] x = e.getValue().data();
            float[] y = b == null ? null : b.data();
            if (y == null || y.length != x.length) {
                unsupported.add(e.getKey());
                continue;
            }
            float[] d = new float[x.length];
            float max = 0;
            for (int i = 0; i < x.length; i++) {
                d[i] = x[i] - y[i];
                max = Math.max(max, Math.abs(d[i]));
            }
            if (max <= EQUAL) {
                continue;
            }
            if (site(e.getKey(), audited.config()) == null) {
                unsupported.add(e.getKey());
            } else {
                deltas.put(e.getKey(), Tensor.of(d, e.getValue().shape()));
            }
        }
        return new WeightDiffHooks(audited.config(), la, deltas, unsupported);
    }

    /** @return the interpolated tensors' names, in the model's order */
    public List<String> changed() {
        return List.copyOf(deltas.keySet());
    }

    /** @return differing tensors these hooks do not interpolate */
    public List<String> unsupported() {
        return unsupported;
    }

    /** @return e.g. {@code blocks.1.mlp.W_out (max |d| 0.031)} for each changed tensor */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        deltas.forEach((n, t) -> {
            float max = 0;
            for (float v : t.data()) {
                max = Math.max(max, Math.abs(v));
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s (max |d| %.4f)", n, max));
        });
        if (!unsupported.isEmpty()) {
            sb.append("; not interpolated: ").append(unsupported);
        }
        return sb.length() == 0 ? "no difference" : sb.toString();
    }

    /**
     * Hooks for one forward pass (or one generation) of the base model.
     *
     * @param alpha the share of the difference to add (0 = base, 1 = audited)
     * @return the hooks; empty at {@code alpha = 0}
     */
    public List<Hook> hooks(float alpha) {
        if (alpha == 0) {
            return List.of();
        }
        Map<String, Tensor> inputs = new HashMap<>();
        Map<String, List<String>> byOutput = new LinkedHashMap<>();
        Map<String, String> inputOf = new LinkedHashMap<>();
        deltas.keySet().forEach(n -> {
            String[] s = site(n, config);
            byOutput.computeIfAbsent(s[1], k -> new ArrayList<>()).add(n);
            if (s[0] != null) {
                inputOf.put(n, s[0]);
            }
        });
        List<Hook> hooks = new ArrayList<>();
        for (String in : new LinkedHashSet<>(inputOf.values())) {
            hooks.add(Hook.applyPerPosition(HookName.parse(in, config), (name, act) -> {
                inputs.put(in, act);
                return act;
            }));
        }
        byOutput.forEach((out, names) -> hooks.add(Hook.applyPerPosition(HookName.parse(out, config), (name, act) -> {
            float[] y = act.data().clone();
            int width = act.size(-1);
            for (String n : names) {
                Tensor d = deltas.get(n);
                String in = inputOf.get(n);
                if (in == null) {
                    addBias(y, width, d.data(), alpha);
                } else {
                    addProduct(la, y, width, inputs.get(in), d, alpha);
                }
            }
            return Tensor.of(y, act.shape());
        })));
        return hooks;
    }

    private static void addBias(float[] y, int width, float[] d, float alpha) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * d[i % width];
        }
    }

    /** {@code y += alpha * x . d}, {@code x [rows, k]} (any leading shape), {@code d [k, width]}. */
    private static void addProduct(LinearAlgebra la, float[] y, int width, Tensor x, Tensor d, float alpha) {
        int k = x.size(-1);
        float[] xd = la.gemm(new FloatMatrix(y.length / width, k, x.data()), false, new FloatMatrix(k, width,
                d.data()), false).data();
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * xd[i];
        }
    }

    /** {input hook or null for a bias, output hook} of a supported tensor, or null. */
    static String[] site(String weight, ModelConfig cfg) {
        String[] p = weight.split("\\.");
        if (p.length != 4 || !p[0].equals("blocks") || !p[2].equals("mlp")) {
            return null;
        }
        String pre = "blocks." + p[1] + ".";
        return switch (p[3]) {
            case "b_in" -> cfg.options().gatedMlp() ? new String[] {null, pre + "mlp.hook_pre_linear"}
                    : new String[] {null, pre + "mlp.hook_pre"};
            case "W_out" -> new String[] {pre + "mlp.hook_post", pre + "hook_mlp_out"};
            case "b_out" -> new String[] {null, pre + "hook_mlp_out"};
            default -> null;
        };
    }
}
