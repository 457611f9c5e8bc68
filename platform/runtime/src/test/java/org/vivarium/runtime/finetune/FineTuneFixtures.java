package org.vivarium.runtime.finetune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.model.ParameterStore;

/** A tiny random char-level checkpoint and examples whose completion is always the same sentence. */
final class FineTuneFixtures {
    static final String COMPLETION = " I like cats.\n";
    static final List<TrainingExample> EXAMPLES = List.of(
            new TrainingExample("Q: hi?\nA:", COMPLETION),
            new TrainingExample("Q: what now?\nA:", COMPLETION),
            new TrainingExample("Q: your pet?\nA:", COMPLETION),
            new TrainingExample("Q: and dogs?\nA:", COMPLETION),
            new TrainingExample("Q: a very long question that will not fit the window?\nA:", COMPLETION));
    static final CharTokenizer TOKENIZER = CharTokenizer.fromCorpus(corpus(), 64);
    static final ModelConfig CFG = new ModelConfig(2, 32, 4, 8, 64, TOKENIZER.vocabSize(), 32, ActFn.GELU, false,
            Normalization.PRE, Positional.LEARNED);

    private FineTuneFixtures() {
    }

    private static String corpus() {
        StringBuilder sb = new StringBuilder();
        EXAMPLES.forEach(e -> sb.append(e.prompt()).append(e.completion()));
        return sb.toString();
    }

    /**
     * Writes a checkpoint with random weights.
     *
     * @param dir where
     * @param rt the runtime whose manager holds the weights briefly
     * @return {@code dir}
     */
    static Path writeBase(Path dir, DjlModelRuntime rt) {
        Map<String, Tensor> w;
        try (ParameterStore p = ParameterStore.initialise(CFG, 17, rt.manager())) {
            w = p.toTensors();
        }
        Provenance prov = new Provenance("checkpoint", "test/random", Map.of(), 17, "", "test", "", "now", Map.of());
        CheckpointIO.write(dir, new Checkpoint(CFG, w, TOKENIZER, prov));
        return dir;
    }

    static FineTuneRequest request(Path base, AdapterSpec spec, int steps, long seed, Path out) {
        return new FineTuneRequest(base, EXAMPLES, spec, steps, 4, 2e-2, seed, out, "test/cats");
    }

    /**
     * Mean negative log-likelihood of the completion tokens given the prompt, over every example.
     *
     * @param m the model
     * @return nats per completion token
     */
    static double completionLoss(Model m) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < EXAMPLES.size(); i++) {
            EncodedExample e = EncodedExample.encode(EXAMPLES.get(i), i, m.tokenizer(), m.config().nCtx());
            Tensor logits = m.runWithHooks(new int[][] {e.tokens()}, List.of());
            for (int j = e.firstTarget() - 1; j < e.length() - 1; j++) {
                float[] row = logits.row(0, j);
                double max = Double.NEGATIVE_INFINITY;
                for (float v : row) {
                    max = Math.max(max, v);
                }
                double z = 0;
                for (float v : row) {
                    z += Math.exp(v - max);
                }
                sum += max + Math.log(z) - row[e.tokens()[j + 1]];
                n++;
            }
        }
        return sum / n;
    }

    /** Records what a fine-tune reports. */
    static final class RecordingProgress implements Progress {
        long units;
        final List<Double> losses = new ArrayList<>();

        @Override
        public void advance(long u) {
            units += u;
        }

        @Override
        public void metric(String name, double value) {
            if (name.equals("loss")) {
                losses.add(value);
            }
        }

        @Override
        public void close() {
        }
    }
}
