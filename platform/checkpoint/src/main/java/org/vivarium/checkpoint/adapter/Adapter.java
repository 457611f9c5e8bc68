package org.vivarium.checkpoint.adapter;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;

/**
 * A LoRA adapter: its settings plus, for every target {@code T}, the tensors {@code T.lora_A [in, rank]} and
 * {@code T.lora_B [rank, out]}. The constructor checks that tensors and settings agree; {@link #requireFits}
 * checks the adapter against a model.
 *
 * <pre>{@code
 * Adapter a = AdapterIO.read(dir);
 * a.requireFits(modelConfig);
 * double[][] dW = a.delta("blocks.0.mlp.W_out");   // (alpha/r) A B, [d_mlp][d_model]
 * }</pre>
 *
 * @param config the settings
 * @param tensors {@code lora_A} and {@code lora_B} tensors by name (copied into a read-only map)
 */
public record Adapter(AdapterConfig config, Map<String, Tensor> tensors) {
    /** Suffix of the down-projection tensor name. */
    public static final String A_SUFFIX = ".lora_A";
    /** Suffix of the up-projection tensor name. */
    public static final String B_SUFFIX = ".lora_B";

    /** Checks that there is exactly one A and one B of rank {@code config.rank()} per target. */
    public Adapter {
        if (config == null || tensors == null) {
            throw new IllegalArgumentException("config and tensors are required");
        }
        StringBuilder bad = new StringBuilder();
        int r = config.rank();
        for (String t : config.targets()) {
            checkShape(bad, tensors.get(aName(t)), aName(t), 1, r, "[in, " + r + "]");
            checkShape(bad, tensors.get(bName(t)), bName(t), 0, r, "[" + r + ", out]");
        }
        TreeSet<String> extra = new TreeSet<>(tensors.keySet());
        config.targets().forEach(t -> {
            extra.remove(aName(t));
            extra.remove(bName(t));
        });
        if (!extra.isEmpty()) {
            bad.append(" tensors ").append(extra).append(" belong to no target in ").append(config.targets())
                    .append(';');
        }
        if (bad.length() > 0) {
            throw new VivariumException("LoRA adapter tensors do not match its settings:" + bad,
                    "write the adapter again from the training run");
        }
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String t : config.targets()) {
            ordered.put(aName(t), tensors.get(aName(t)));
            ordered.put(bName(t), tensors.get(bName(t)));
        }
        tensors = Collections.unmodifiableMap(ordered);
    }

    private static void checkShape(StringBuilder bad, Tensor x, String name, int rankAxis, int r, String want) {
        if (x == null) {
            bad.append(" missing ").append(name).append(';');
        } else if (x.rank() != 2 || x.size(rankAxis) != r) {
            bad.append(' ').append(name).append(" has shape ").append(Arrays.toString(x.shape()))
                    .append(", expected ").append(want).append(';');
        }
    }

    /**
     * Names the A tensor of a target.
     *
     * @param target a weight name
     * @return {@code target + ".lora_A"}
     */
    public static String aName(String target) {
        return target + A_SUFFIX;
    }

    /**
     * Names the B tensor of a target.
     *
     * @param target a weight name
     * @return {@code target + ".lora_B"}
     */
    public static String bName(String target) {
        return target + B_SUFFIX;
    }

    /**
     * Returns the down-projection of a target.
     *
     * @param target a target weight name
     * @return {@code A [in, rank]}
     */
    public Tensor a(String target) {
        return require(aName(target));
    }

    /**
     * Returns the up-projection of a target.
     *
     * @param target a target weight name
     * @return {@code B [rank, out]}
     */
    public Tensor b(String target) {
        return require(bName(target));
    }

    private Tensor require(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new VivariumException("the LoRA adapter has no tensor " + name,
                    "use one of its targets " + config.targets());
        }
        return t;
    }

    /**
     * Computes a target's weight change {@code (alpha / rank) A B} in double precision.
     *
     * @param target a target weight name
     * @return the {@code [in][out]} delta
     */
    public double[][] delta(String target) {
        Tensor a = a(target);
        Tensor b = b(target);
        int in = a.size(0);
        int r = a.size(1);
        int out = b.size(1);
        float[] ad = a.data();
        float[] bd = b.data();
        double s = (double) config.alpha() / config.rank();
        double[][] d = new double[in][out];
        for (int i = 0; i < in; i++) {
            for (int k = 0; k < r; k++) {
                double aik = s * ad[i * r + k];
                if (aik == 0) {
                    continue;
                }
                double[] row = d[i];
                for (int j = 0; j < out; j++) {
                    row[j] += aik * bd[k * out + j];
                }
            }
        }
        return d;
    }

    /**
     * Checks that every target is an adaptable weight of the model and A, B have its matrix dimensions.
     *
     * @param cfg the model architecture
     * @throws VivariumException naming the first target or tensor that does not fit (and the valid names)
     */
    public void requireFits(ModelConfig cfg) {
        for (String t : config.targets()) {
            int[] io = LoraTargets.matrixShape(cfg, t);
            int[] as = a(t).shape();
            int[] bs = b(t).shape();
            if (as[0] != io[0] || bs[1] != io[1]) {
                throw new VivariumException("LoRA adapter for " + t + " has A " + Arrays.toString(as) + " and B "
                        + Arrays.toString(bs) + " but the model uses " + t + " as a " + io[0] + "x" + io[1]
                        + " matrix", "load the adapter with the model it was trained for");
            }
        }
    }
}
