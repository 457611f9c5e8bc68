package org.vivarium.checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;

/** Random weight maps shaped by {@link ParameterShapes}, for tests. */
final class TestWeights {
    private TestWeights() {
    }

    static Map<String, Tensor> random(ModelConfig cfg, long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> out = new LinkedHashMap<>();
        ParameterShapes.forConfig(cfg).forEach((name, shape) -> {
            Tensor t = Tensor.zeros(shape);
            float[] d = t.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) rnd.nextGaussian();
            }
            out.put(name, t);
        });
        return out;
    }

    static ModelConfig tiny() {
        return ModelConfig.builder().nLayers(2).dModel(16).nHeads(2).dHead(8).dVocab(12).nCtx(10).attnOnly(true)
                .build();
    }
}
