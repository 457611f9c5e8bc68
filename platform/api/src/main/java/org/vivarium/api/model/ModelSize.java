package org.vivarium.api.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.VivariumException;

/**
 * Checks that a {@link ModelConfig} can be held in memory before anything is allocated: a typo such as
 * {@code n_layers: 1000000000} then ends in one message naming the field and the limit instead of an
 * {@link OutOfMemoryError} minutes later.
 *
 * <pre>{@code
 * ModelSize.requireFits(config, ModelSize.heapLimit(), "runs/lm/config.json");
 * }</pre>
 *
 * <p>The estimate is the float32 weights plus one attention pattern of the full context; training needs several
 * times more, so passing this check is necessary, not sufficient.
 */
public final class ModelSize {

    /** Sizes of a GPT-2-small-like model, to tell which field of an oversized config is out of line. */
    private static final Map<String, Long> TYPICAL = Map.of("n_layers", 12L, "d_model", 768L, "n_heads", 12L,
            "d_head", 64L, "d_mlp", 3072L, "d_vocab", 50_257L, "n_ctx", 1024L);

    private ModelSize() {
    }

    /** @return the most memory this JVM may use for a model: its maximum heap ({@code -Xmx}) */
    public static long heapLimit() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Estimates the bytes a model needs at the least: float32 weights plus one attention pattern.
     *
     * @param c the config
     * @return the estimate in bytes (a double, so absurd configs do not overflow)
     */
    public static double estimatedBytes(ModelConfig c) {
        return estimate(sizes(c), c.attnOnly());
    }

    /**
     * Fails if the config cannot fit into {@code maxBytes}.
     *
     * @param c the config
     * @param maxBytes the memory available, e.g. {@link #heapLimit()}
     * @param source where the config came from, for the message, e.g. a config.json path
     * @throws VivariumException naming the most out-of-line field, its value, the largest value of it that fits and
     *         the limit
     */
    public static void requireFits(ModelConfig c, long maxBytes, String source) {
        Map<String, Long> sizes = sizes(c);
        double bytes = estimate(sizes, c.attnOnly());
        if (bytes <= maxBytes) {
            return;
        }
        String field = sizes.keySet().stream().filter(f -> !(c.attnOnly() && f.equals("d_mlp")))
                .max(Comparator.comparingDouble(f -> sizes.get(f) / (double) TYPICAL.get(f))).orElseThrow();
        long fits = largestFitting(sizes, c.attnOnly(), field, maxBytes);
        throw new VivariumException(String.format("%s: %s=%d makes the model too large: about %s, more than the %s"
                + " this JVM may use (-Xmx)", source, field, sizes.get(field), human(bytes), human(maxBytes)),
                fits >= 1 ? "fix " + field + " in config.json (at most " + field + "=" + fits + " fits), or give Java"
                        + " more memory" : "fix the sizes in config.json " + sizes + ", or give Java more memory");
    }

    private static Map<String, Long> sizes(ModelConfig c) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("n_layers", (long) c.nLayers());
        m.put("d_model", (long) c.dModel());
        m.put("n_heads", (long) c.nHeads());
        m.put("d_head", (long) c.dHead());
        m.put("d_mlp", (long) c.dMlp());
        m.put("d_vocab", (long) c.dVocab());
        m.put("n_ctx", (long) c.nCtx());
        return m;
    }

    private static double estimate(Map<String, Long> s, boolean attnOnly) {
        double d = s.get("d_model");
        double attn = (double) s.get("n_heads") * s.get("d_head");
        double mlp = attnOnly ? 0 : s.get("d_mlp");
        double perBlock = 4 * attn * d + 3 * attn + 2 * d * mlp + mlp + 6 * d;
        double params = s.get("n_layers") * perBlock + 2.0 * s.get("d_vocab") * d + s.get("d_vocab")
                + (double) s.get("n_ctx") * d + 2 * d;
        double pattern = (double) s.get("n_heads") * s.get("n_ctx") * s.get("n_ctx");
        return 4 * (params + pattern);
    }

    private static long largestFitting(Map<String, Long> sizes, boolean attnOnly, String field, long maxBytes) {
        Map<String, Long> trial = new LinkedHashMap<>(sizes);
        long lo = 0;
        long hi = Integer.MAX_VALUE;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            trial.put(field, mid);
            if (estimate(trial, attnOnly) <= maxBytes) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static String human(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }
}
