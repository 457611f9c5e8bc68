package org.vivarium.runtime.encoder;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.encoder.EncoderCheckpoint;
import org.vivarium.checkpoint.encoder.EncoderConfig;
import org.vivarium.checkpoint.encoder.EncoderShapes;
import org.vivarium.checkpoint.tokenizer.WordPieceSettings;
import org.vivarium.checkpoint.tokenizer.WordPieceTokenizer;
import org.vivarium.runtime.model.ParameterStore;

/** Small random BERT-style encoders for tests. */
final class EncoderTestModels {
    static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat",
            "on", "mat", "a", "dog", "ran", "##s", ".", "big");

    private EncoderTestModels() {
    }

    /** @return 2 layers, d_model 16, 4 heads of 4, d_mlp 32, vocab 16, context 12, 2 token types, eps 1e-12 */
    static EncoderConfig config() {
        ModelConfig base = new ModelConfig(2, 16, 4, 4, 32, VOCAB.size(), 12, ActFn.GELU, false, Normalization.POST,
                org.vivarium.api.model.Positional.LEARNED);
        return new EncoderConfig(base, 2, 1e-12f);
    }

    static Map<String, Tensor> weights(EncoderConfig cfg, long seed) {
        Random r = new Random(seed);
        Map<String, Tensor> w = new LinkedHashMap<>();
        EncoderShapes.forConfig(cfg).forEach((name, shape) -> {
            Tensor t = Tensor.zeros(shape);
            boolean gain = name.endsWith(".w");
            for (int i = 0; i < t.numel(); i++) {
                t.data()[i] = (float) ((gain ? 1 : 0) + r.nextGaussian() * (gain ? 0.1 : 0.5));
            }
            w.put(name, t);
        });
        return w;
    }

    static EncoderCheckpoint checkpoint(long seed) {
        EncoderConfig cfg = config();
        Provenance p = new Provenance("checkpoint", "test/random-encoder", Map.of(), seed, "", "test", "", "now",
                Map.of());
        return new EncoderCheckpoint(cfg, weights(cfg, seed), new WordPieceTokenizer(VOCAB,
                WordPieceSettings.uncased()), p);
    }

    static DjlEncoder create(long seed, NDManager root) {
        EncoderCheckpoint ck = checkpoint(seed);
        return new DjlEncoder(ck.config(), ParameterStore.fromTensors(ck.weights(), root), ck.tokenizer(),
                ck.provenance());
    }
}
