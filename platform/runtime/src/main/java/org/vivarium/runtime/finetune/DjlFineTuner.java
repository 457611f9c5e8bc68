package org.vivarium.runtime.finetune;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.FineTuner;
import org.vivarium.api.train.Injection;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.api.train.TrainingProgress;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.adapter.Adapter;
import org.vivarium.checkpoint.adapter.AdapterMerge;
import org.vivarium.runtime.lora.LoraAdapters;
import org.vivarium.runtime.lora.LoraConfig;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.train.InjectionSites;
import org.vivarium.runtime.train.StepListener;
import org.vivarium.runtime.train.Trainer;
import org.vivarium.runtime.tokenizer.CheckpointTokenizers;
import org.vivarium.runtime.train.TrainerConfig;

/**
 * Fine-tunes a checkpoint with the runtime's {@link Trainer}: LoRA adapters on the requested weights (base
 * frozen) or every weight, AdamW with warm-up and cosine decay, loss on the completion tokens only. The same
 * request and seed give bit-identical adapters (with one PyTorch thread).
 *
 * <pre>{@code
 * FineTuner ft = runtime.fineTuner();           // a DjlFineTuner over the runtime's memory
 * FineTuneResult r = ft.fineTune(new FineTuneRequest(base, examples,
 *         AdapterSpec.lora(1, 1, List.of("blocks.*.mlp.W_out")), 200, 8, 1e-3, 7, out, "em-finetune/x"), progress);
 * runtime.load(r.checkpoint());                  // the merged model
 * runtime.readAdapter(r.adapter().orElseThrow()); // its LoRA factors
 * }</pre>
 *
 * <p>Examples may carry {@link Injection}s: each vector is added to the activation at its hook and position of
 * that example's row in every training forward pass ({@link InjectionSites}); the same addition at inference is
 * {@code Hook.add(hook, vector, 1f).atPositions(position)}.
 *
 * <p>Writes {@code out/checkpoint/} (merged weights, provenance with recipe, seed, data hash, parent hash and
 * adapter spec, plus {@code adapter.safetensors} and {@code adapter_config.json} for LoRA), {@code out/loss.csv}
 * and {@code out/loss.png}.
 */
public final class DjlFineTuner implements FineTuner {
    private final Supplier<NDManager> manager;

    /**
     * Creates a fine-tuner whose weights live under a runtime's root manager.
     *
     * @param manager gives the root manager (e.g. {@code runtime::manager} of a
     *     {@link org.vivarium.runtime.DjlModelRuntime}); called when a fine-tune starts, so the engine still starts
     *     on first use
     */
    public DjlFineTuner(Supplier<NDManager> manager) {
        this.manager = manager;
    }

    @Override
    public FineTuneResult fineTune(FineTuneRequest request, TrainingProgress progress) {
        Checkpoint base = CheckpointIO.read(request.base());
        String baseHash = CheckpointIO.contentHash(request.base());
        ModelConfig cfg = base.config();
        LoraConfig lora = loraConfig(request.adapter());
        List<String> targets = lora == null ? List.of() : lora.resolve(cfg);
        checkInjections(request.examples(), cfg);
        ExampleBatches data = ExampleBatches.of(request.examples(), CheckpointTokenizers.of(request.base(), base),
                cfg.nCtx(), request.seed());
        Path checkpointDir = request.out().resolve(FineTuneOutput.CHECKPOINT_DIR);
        FineTuneOutput.requireWritable(checkpointDir);
        TrainerConfig tc = TrainerConfig.defaults(request.steps(), request.seed())
                .with(request.steps(), request.batchSize(), (float) request.learningRate());

        FineTuneLog log = new FineTuneLog();
        StepListener listener = (step, loss, lr, norm, tokens) -> {
            log.add(step, loss, lr, norm);
            progress.advance(1);
            progress.metric("loss", loss);
        };
        Map<String, Tensor> weights;
        Adapter adapter = null;
        int skipped;
        try (ParameterStore params = ParameterStore.fromTensors(base.weights(), manager.get())) {
            if (lora == null) {
                Trainer t = Trainer.full(cfg, tc, params);
                t.run(1, tc.steps(), data, listener, null);
                skipped = t.skippedSteps();
                weights = params.toTensors();
            } else {
                try (LoraAdapters adapters = LoraAdapters.initialise(cfg, lora, request.seed(), manager.get())) {
                    Trainer t = Trainer.lora(cfg, tc, params, adapters);
                    t.run(1, tc.steps(), data, listener, null);
                    skipped = t.skippedSteps();
                    adapter = adapters.toAdapter(baseHash);
                }
                weights = AdapterMerge.merge(base.weights(), adapter);
            }
        }
        Checkpoint merged = new Checkpoint(cfg, weights, base.tokenizer(),
                FineTuneProvenance.of(request, tc, targets, baseHash, data.dataHash()));
        FineTuneOutput.write(checkpointDir, merged, adapter);
        CheckpointTokenizers.carryOver(request.base(), checkpointDir);
        log.write(request.out(), request.recipe() + " (" + request.adapter().describe() + ")");
        return new FineTuneResult(checkpointDir, adapter == null ? null : checkpointDir, log.firstLoss(),
                log.lastLoss(), skipped);
    }

    /** Fails before training if an injection names a hook this model lacks or has a vector of the wrong width. */
    private static void checkInjections(List<TrainingExample> examples, ModelConfig cfg) {
        for (int i = 0; i < examples.size(); i++) {
            for (Injection in : examples.get(i).injections()) {
                int width;
                try {
                    width = InjectionSites.width(cfg, in.hook());
                } catch (VivariumException e) {
                    throw new VivariumException("training example " + i + ": " + e.problem(), e.fix(), e);
                }
                if (in.vector().length != width) {
                    throw new VivariumException("training example " + i + ": its injection at " + in.hook()
                            + " has a vector of length " + in.vector().length + " but the activation has width "
                            + width, "inject vectors of length " + width + " (the model's width at that hook)");
                }
            }
        }
    }

    private static LoraConfig loraConfig(AdapterSpec spec) {
        if (spec.isFull()) {
            return null;
        }
        return new LoraConfig(spec.rank(), (float) spec.alpha(), spec.targets());
    }
}
