package org.vivarium.api.model;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.train.FineTuner;
import org.vivarium.api.train.ModelTrainer;

/**
 * The platform service that loads checkpoints into runnable {@link Model}s, and that trains them
 * ({@link #trainer()}, {@link #fineTuner()}). Plugins obtain it as an OSGi service (or from
 * {@link org.vivarium.api.method.MethodContext#runtime()}).
 */
@ProviderType
public interface ModelRuntime {

    /**
     * Loads a checkpoint directory ({@code model.safetensors}, {@code config.json},
     * {@code tokenizer.json}, {@code provenance.json}).
     *
     * @param checkpointDir the directory
     * @return the model; close it when done
     * @throws org.vivarium.api.VivariumException if a file is missing or malformed, naming which and how to fix it
     */
    Model load(Path checkpointDir);

    /**
     * Reads a LoRA adapter directory ({@code adapter.safetensors} + {@code adapter_config.json}) as plain
     * factors, for interpretation.
     *
     * @param adapterDir the directory
     * @return one factor pair per adapted weight
     * @throws org.vivarium.api.VivariumException if a file is missing or malformed
     */
    default List<LoraFactor> readAdapter(Path adapterDir) {
        throw new org.vivarium.api.VivariumException("this runtime cannot read LoRA adapters",
                "use the platform's DJL runtime");
    }

    /**
     * Returns the pretraining service of this runtime: it trains models that this runtime then loads, on the same
     * engine and native memory.
     *
     * @return the trainer
     * @throws org.vivarium.api.VivariumException if this runtime cannot train
     */
    default ModelTrainer trainer() {
        throw new org.vivarium.api.VivariumException("this runtime (" + engineDescription() + ") cannot train models",
                "use the platform's DJL runtime");
    }

    /**
     * Returns the fine-tuning service of this runtime (the same service the host publishes to plugins).
     *
     * @return the fine-tuner
     * @throws org.vivarium.api.VivariumException if this runtime cannot fine-tune
     */
    default FineTuner fineTuner() {
        throw new org.vivarium.api.VivariumException("this runtime (" + engineDescription() + ") cannot fine-tune"
                + " models", "use the platform's DJL runtime");
    }

    /** @return a short description of the engine, e.g. {@code DJL 0.36.0 / PyTorch 2.7.1 (cpu)} */
    String engineDescription();
}
