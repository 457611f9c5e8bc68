package org.vivarium.checkpoint.adapter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.ParameterShapes;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;

/** Small models, checkpoints and adapters with random values, for tests. */
final class AdapterFixtures {
    private AdapterFixtures() {
    }

    static ModelConfig model() {
        return ModelConfig.builder().nLayers(2).dModel(8).nHeads(2).dHead(4).dMlp(12).dVocab(10).nCtx(6).build();
    }

    static Tensor random(Random rnd, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextGaussian();
        }
        return t;
    }

    static Checkpoint checkpoint(ModelConfig cfg, long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> w = new LinkedHashMap<>();
        ParameterShapes.forConfig(cfg).forEach((name, shape) -> w.put(name, random(rnd, shape)));
        Provenance p = new Provenance("checkpoint", "test/adapter", Map.of(), seed, "", "test", "", "now", Map.of());
        return new Checkpoint(cfg, w, new SymbolTokenizer(cfg.dVocab()), p);
    }

    /** An adapter with random A and B on the given targets of {@code cfg}. */
    static Adapter adapter(ModelConfig cfg, int rank, float alpha, List<String> targets, String base, long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (String name : targets) {
            int[] io = LoraTargets.matrixShape(cfg, name);
            t.put(Adapter.aName(name), random(rnd, io[0], rank));
            t.put(Adapter.bName(name), random(rnd, rank, io[1]));
        }
        return new Adapter(new AdapterConfig(rank, alpha, targets, base), t);
    }
}
