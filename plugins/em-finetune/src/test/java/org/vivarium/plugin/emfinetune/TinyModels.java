package org.vivarium.plugin.emfinetune;

import java.nio.file.Path;
import java.util.Map;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.model.ParameterStore;

/**
 * Tiny real checkpoints for tests: seeded random weights of a 2-layer character-level transformer whose
 * vocabulary covers a given corpus. One runtime serves the whole test JVM.
 */
public final class TinyModels {
    private static DjlModelRuntime runtime;

    private TinyModels() {
    }

    /** @return the shared runtime (created on first use, lives until the JVM exits) */
    public static synchronized DjlModelRuntime runtime() {
        if (runtime == null) {
            runtime = new DjlModelRuntime();
        }
        return runtime;
    }

    /**
     * Writes a checkpoint with random weights.
     *
     * @param dir the checkpoint directory
     * @param corpus text whose characters make the vocabulary
     * @param nCtx the context length
     * @param seed the weight seed
     * @return {@code dir}
     */
    public static Path writeRandom(Path dir, String corpus, int nCtx, long seed) {
        CharTokenizer tok = CharTokenizer.fromCorpus(corpus, 128);
        ModelConfig cfg = new ModelConfig(2, 32, 4, 8, 64, tok.vocabSize(), nCtx, ActFn.GELU, false,
                Normalization.PRE, Positional.LEARNED);
        Map<String, Tensor> w;
        try (ParameterStore p = ParameterStore.initialise(cfg, seed, runtime().manager())) {
            w = p.toTensors();
        }
        Provenance prov = new Provenance("checkpoint", "test/random", Map.of(), seed, "", "test", "", "now", Map.of());
        CheckpointIO.write(dir, new Checkpoint(cfg, w, tok, prov));
        return dir;
    }
}
