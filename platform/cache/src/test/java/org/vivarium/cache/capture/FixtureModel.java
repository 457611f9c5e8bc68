package org.vivarium.cache.capture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.model.Activations;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;

/**
 * A hand-written {@link Model} whose activations are a closed-form function of (hook, token, pos,
 * index), so tests can recompute every cached value. Test fixture for the Model interface.
 */
final class FixtureModel implements Model {
    static final ModelConfig CONFIG = ModelConfig.builder().nLayers(1).dModel(8).nHeads(2).dVocab(128).nCtx(16)
            .attnOnly(true).build();

    private final List<HookName> hooks = HookName.allFor(CONFIG);

    /** The value a hook holds for a token at a position, at flat index {@code i} of its row. */
    static float value(String hook, int token, int pos, int i) {
        return (hook.hashCode() % 7) + token * 0.01f + pos * 0.1f + i * 0.001f;
    }

    @Override
    public ModelConfig config() {
        return CONFIG;
    }

    @Override
    public Tokenizer tokenizer() {
        return new Tokenizer() {
            @Override
            public int[] encode(String text) {
                return text.chars().map(c -> c & 127).toArray();
            }

            @Override
            public String decode(int[] ids) {
                StringBuilder b = new StringBuilder();
                for (int id : ids) {
                    b.append((char) id);
                }
                return b.toString();
            }

            @Override
            public String tokenText(int id) {
                return Character.toString((char) id);
            }

            @Override
            public int vocabSize() {
                return 128;
            }

            @Override
            public String kind() {
                return "char";
            }
        };
    }

    @Override
    public Provenance provenance() {
        return new Provenance("checkpoint", "organism/fixture", Map.of("d_model", "8"), 7, "sha256:00", "test", "",
                "2025-01-01T00:00:00Z", Map.of());
    }

    @Override
    public RunResult run(int[][] tokens, List<Hook> hookOps, HookFilter cache) {
        int b = tokens.length;
        int n = tokens[0].length;
        Map<String, Tensor> acts = new LinkedHashMap<>();
        for (HookName h : hooks) {
            if (!cache.test(h)) {
                continue;
            }
            String site = h.site();
            if (site.endsWith("hook_pattern") || site.endsWith("hook_attn_scores")) {
                int heads = CONFIG.nHeads();
                float[] d = new float[b * heads * n * n];
                for (int s = 0; s < b; s++) {
                    for (int hd = 0; hd < heads; hd++) {
                        for (int q = 0; q < n; q++) {
                            for (int k = 0; k <= q; k++) {
                                d[((s * heads + hd) * n + q) * n + k] = (hd + 1) * 1f / (q + 1);
                            }
                        }
                    }
                }
                acts.put(h.path(), Tensor.of(d, b, heads, n, n));
            } else if (h.equals(HookName.lnFinal())) {
                acts.put(h.path(), Tensor.zeros(b, n * CONFIG.dModel()));
            } else {
                int width = h.hasHeads() ? CONFIG.nHeads() * CONFIG.dHead() : CONFIG.dModel();
                float[] d = new float[b * n * width];
                for (int s = 0; s < b; s++) {
                    for (int p = 0; p < n; p++) {
                        for (int i = 0; i < width; i++) {
                            d[(s * n + p) * width + i] = value(h.path(), tokens[s][p], p, i);
                        }
                    }
                }
                acts.put(h.path(), h.hasHeads() ? Tensor.of(d, b, n, CONFIG.nHeads(), CONFIG.dHead())
                        : Tensor.of(d, b, n, width));
            }
        }
        return new RunResult(Tensor.zeros(b, n, CONFIG.dVocab()), new Activations(acts));
    }

    @Override
    public int[] generate(int[] prompt, GenerationOptions options, List<Hook> hookOps) {
        throw new UnsupportedOperationException("not needed by the cacher");
    }

    @Override
    public float[] loss(int[][] tokens, List<Hook> hookOps) {
        throw new UnsupportedOperationException("not needed by the cacher");
    }

    @Override
    public Map<String, Tensor> weights() {
        return Map.of("embed.W_E", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2));
    }

    @Override
    public void close() {
    }
}
