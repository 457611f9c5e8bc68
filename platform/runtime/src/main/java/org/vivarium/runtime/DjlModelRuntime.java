package org.vivarium.runtime;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.FineTuner;
import org.vivarium.api.train.ModelTrainer;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.adapter.AdapterIO;
import org.vivarium.checkpoint.encoder.EncoderCheckpointIO;
import org.vivarium.runtime.encoder.DjlEncoder;
import org.vivarium.runtime.finetune.DjlFineTuner;
import org.vivarium.runtime.lora.AdapterLoader;
import org.vivarium.runtime.lora.LoraFactors;
import org.vivarium.runtime.model.DjlModel;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.DjlEngine;
import org.vivarium.runtime.tokenizer.CheckpointTokenizers;
import org.vivarium.runtime.train.DjlModelTrainer;

/**
 * Loads checkpoints into {@link DjlModel}s and trains them ({@link DjlModelTrainer}, {@link DjlFineTuner}). One
 * instance owns one root NDManager; closing it frees every model it loaded.
 */
public final class DjlModelRuntime implements ModelRuntime, AutoCloseable {
    private NDManager root;

    /** Creates the runtime; the engine starts on first use. */
    public DjlModelRuntime() {
    }

    private synchronized NDManager root() {
        if (root == null) {
            root = DjlEngine.newManager();
        }
        return root;
    }

    /**
     * Loads a decoder checkpoint as a {@link DjlModel} (whose tokenizer is the imported model's Hugging Face
     * tokenizer when the directory holds {@value CheckpointIO#HF_TOKENIZER_FILE}), or an encoder checkpoint ({@code config.json} with
     * {@code "architecture": "encoder"}, e.g. an imported MiniLM) as a {@link DjlEncoder}.
     *
     * @param checkpointDir the directory
     * @return the model; close it when done
     */
    @Override
    public Model load(Path checkpointDir) {
        if (EncoderCheckpointIO.isEncoder(checkpointDir)) {
            return DjlEncoder.fromCheckpoint(EncoderCheckpointIO.read(checkpointDir), root());
        }
        Checkpoint c = CheckpointIO.read(checkpointDir);
        ParameterStore p = ParameterStore.fromTensors(c.weights(), root());
        return new DjlModel(c.config(), p, CheckpointTokenizers.of(checkpointDir, c), c.provenance());
    }

    /**
     * Loads a base checkpoint plus a LoRA adapter, merged into the weights (see {@link AdapterLoader}).
     *
     * @param checkpointDir the base checkpoint
     * @param adapterDir the directory holding adapter.safetensors and adapter_config.json (may be the same)
     * @return the adapted model
     */
    public DjlModel load(Path checkpointDir, Path adapterDir) {
        return AdapterLoader.merged(checkpointDir, adapterDir, root());
    }

    /**
     * Reads a LoRA adapter ({@code adapter.safetensors} + {@code adapter_config.json}) as one
     * {@code scale * A B} factor pair per adapted weight; no engine is needed.
     *
     * @param adapterDir the adapter directory (often a fine-tuned checkpoint directory)
     * @return the factors, in the adapter's target order
     * @throws org.vivarium.api.VivariumException if a file is missing or malformed, or the files do not belong
     *     together
     */
    @Override
    public List<LoraFactor> readAdapter(Path adapterDir) {
        return LoraFactors.of(AdapterIO.read(adapterDir));
    }

    /**
     * Builds a runnable model from an in-memory checkpoint.
     *
     * @param c the checkpoint
     * @return the model
     */
    public DjlModel fromCheckpoint(Checkpoint c) {
        ParameterStore p = ParameterStore.fromTensors(c.weights(), root());
        return new DjlModel(c.config(), p, c.tokenizer(), c.provenance());
    }

    /**
     * Returns the root manager, for trainers that build weights directly.
     *
     * @return the root manager
     */
    public NDManager manager() {
        return root();
    }

    /** @return a {@link DjlModelTrainer} over this runtime's native memory */
    @Override
    public ModelTrainer trainer() {
        return new DjlModelTrainer(this::manager);
    }

    /** @return a {@link DjlFineTuner} over this runtime */
    @Override
    public FineTuner fineTuner() {
        return new DjlFineTuner(this::manager);
    }

    @Override
    public String engineDescription() {
        return DjlEngine.describe();
    }

    @Override
    public synchronized void close() {
        if (root != null) {
            root.close();
            root = null;
        }
    }
}
