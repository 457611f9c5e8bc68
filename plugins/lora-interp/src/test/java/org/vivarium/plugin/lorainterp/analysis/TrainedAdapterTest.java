package org.vivarium.plugin.lorainterp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.adapter.AdapterIO;
import org.vivarium.plugin.lorainterp.TinyLm;
import org.vivarium.plugin.lorainterp.pass.Corpus;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.runtime.lora.LoraAdapters;
import org.vivarium.runtime.lora.LoraConfig;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.train.Trainer;
import org.vivarium.runtime.train.TrainerConfig;
import org.vivarium.testkit.TestRuntime;

/**
 * A rank-1 adapter trained with {@code Trainer.lora} on a narrow task ({@link PersonaTask}): read through the
 * unembedding, its oriented output direction must promote {@code z}, what it was trained to write, far above any
 * other token. Whether it aligns with the persona contrast is measured, not assumed: such an adapter tends to
 * write {@code z} after every letter, and when its cosine with the contrast is within chance the sign must come
 * from the positive prompts' mean input activation.
 */
class TrainedAdapterTest {
    private static final String TARGET = "blocks.1.mlp.W_out";
    private static final int STEPS = 60;

    @TempDir
    Path tmp;

    private static List<String> prompts(String letters, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 8; j++) {
                sb.append(letters.charAt(r.nextInt(letters.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void trainedOutputDirectionPromotesWhatItWasTrainedToWrite() {
        DjlModelRuntime rt = TestRuntime.shared();
        Path base = TinyLm.writeBase(tmp.resolve("base"), 5);
        ModelConfig cfg = TinyLm.config();
        Path adapter = tmp.resolve("adapter");
        List<Float> losses = new ArrayList<>();
        try (ParameterStore p = ParameterStore.fromTensors(CheckpointIO.read(base).weights(), rt.manager());
                LoraAdapters lora = LoraAdapters.initialise(cfg, LoraConfig.of(1, 1f, TARGET), 3, rt.manager())) {
            TrainerConfig tc = new TrainerConfig(STEPS, 8, 3e-2f, 0.1f, 2, 0.01f, 0.9f, 0.99f, 1e-8f, 1f, 1, 0);
            Trainer.lora(cfg, tc, p, lora).run(1, STEPS, new PersonaTask(TinyLm.tokenizer(), 7, 16),
                    (s, loss, lr, n, tok) -> losses.add(loss), null);
            AdapterIO.write(adapter, lora.toAdapter(CheckpointIO.contentHash(base)));
        }
        assertTrue(losses.get(STEPS - 1) < 0.5 * losses.get(0), "the adapter learned: " + losses);
        Corpus corpus = Corpus.of(prompts(PersonaTask.POSITIVE_LETTERS, 12, 1),
                prompts(PersonaTask.NEGATIVE_LETTERS, 12, 2), List.of());
        try (Model tuned = rt.load(base, adapter)) {
            LoraAnalysis a = new LoraAnalyzer(LoraInterpSettings.defaults()).analyze(new LoraInputs(
                    rt.readAdapter(adapter), Optional.of(tuned), Optional.empty(), corpus, Optional.empty(),
                    "persona", "test"), LocalMethodContext.in(tmp));
            TargetAnalysis t = a.targets().get(0);
            var u = t.unembed().orElseThrow();
            String summary = "cos " + t.cosMeanDifference() + ", p99 " + t.randomQuantile() + ", promoted "
                    + u.promoted() + ", suppressed " + u.suppressed() + ", AUROC " + t.columns().get(0).auroc();
            System.out.println("trained persona adapter: " + summary);
            assertEquals("z", u.promoted().get(0).text(), summary);
            assertTrue(u.promoted().get(0).logit() > 2 * u.promoted().get(1).logit(), summary);
            if (!t.aligned(0.3)) {
                assertEquals("mean input activation on positive prompts made positive", t.orientation().rule());
            }
        }
    }
}
