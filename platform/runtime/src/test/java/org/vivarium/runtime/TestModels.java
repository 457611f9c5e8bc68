package org.vivarium.runtime;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.SplittableRandom;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.runtime.model.DjlModel;
import org.vivarium.runtime.model.ParameterStore;

/** Small real models for tests: random weights from a seed, the real DJL forward pass. */
public final class TestModels {
    private TestModels() {
    }

    /** @return a 2-layer model with MLPs, pre-LN, learned positions, vocab 20, context 16 */
    public static ModelConfig smallConfig() {
        return new ModelConfig(2, 32, 4, 8, 64, 20, 16, ActFn.GELU, false, Normalization.PRE, Positional.LEARNED);
    }

    /**
     * Creates a model with random weights.
     *
     * @param cfg architecture
     * @param seed weight seed
     * @param root manager owning the weights
     * @return the model
     */
    public static DjlModel create(ModelConfig cfg, long seed, NDManager root) {
        ParameterStore p = ParameterStore.initialise(cfg, seed, root);
        Provenance prov = new Provenance("checkpoint", "test/random", Map.of(), seed, "", "test", "", "now", Map.of());
        return new DjlModel(cfg, p, new SymbolTokenizer(cfg.dVocab()), prov);
    }

    /**
     * Random token batch.
     *
     * @param batch rows
     * @param len columns
     * @param vocab vocabulary size
     * @param seed seed
     * @return ids
     */
    public static int[][] tokens(int batch, int len, int vocab, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] t = new int[batch][len];
        for (int[] row : t) {
            for (int i = 0; i < len; i++) {
                row[i] = r.nextInt(vocab);
            }
        }
        return t;
    }

    /**
     * Largest absolute difference.
     *
     * @param a first
     * @param b second
     * @return max |a-b|
     */
    public static float maxDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
