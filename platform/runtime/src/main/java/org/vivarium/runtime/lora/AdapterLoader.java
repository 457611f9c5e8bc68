package org.vivarium.runtime.lora;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.checkpoint.adapter.Adapter;
import org.vivarium.checkpoint.adapter.AdapterIO;
import org.vivarium.checkpoint.adapter.AdapterMerge;
import org.vivarium.runtime.model.DjlModel;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.tokenizer.CheckpointTokenizers;

/**
 * Loads a base checkpoint plus a LoRA adapter into a runnable {@link DjlModel}, after checking that the adapter
 * fits the model and was trained on that checkpoint.
 *
 * <pre>{@code
 * DjlModel m = AdapterLoader.merged(baseDir, adapterDir, runtime.manager());   // W + scale A B folded in
 * DjlModel live = AdapterLoader.live(baseDir, adapterDir, runtime.manager());  // base weights + live adapters
 * }</pre>
 */
public final class AdapterLoader {
    private AdapterLoader() {
    }

    /**
     * Loads base and adapter with the adapter merged into the weights (fastest for inference).
     *
     * @param checkpointDir the base checkpoint
     * @param adapterDir the directory holding adapter.safetensors and adapter_config.json
     * @param parent the manager to own the weights
     * @return the adapted model
     * @throws org.vivarium.api.VivariumException if either is missing or invalid or they do not belong together
     */
    public static DjlModel merged(Path checkpointDir, Path adapterDir, NDManager parent) {
        Checkpoint base = CheckpointIO.read(checkpointDir);
        String hash = CheckpointIO.contentHash(checkpointDir);
        Adapter a = AdapterIO.readFor(adapterDir, base.config(), hash);
        ParameterStore p = ParameterStore.fromTensors(AdapterMerge.merge(base.weights(), a), parent);
        return new DjlModel(base.config(), p, CheckpointTokenizers.of(checkpointDir, base),
                provenance(base.provenance(), a, hash, adapterDir));
    }

    /**
     * Loads base and adapter with the adapter applied on the fly, so {@link DjlModel#parameters()} stays the base
     * and {@link DjlModel#deltas()} is a {@link LoraAdapters}.
     *
     * @param checkpointDir the base checkpoint
     * @param adapterDir the adapter directory
     * @param parent the manager to own the weights
     * @return the adapted model
     * @throws org.vivarium.api.VivariumException if either is missing or invalid or they do not belong together
     */
    public static DjlModel live(Path checkpointDir, Path adapterDir, NDManager parent) {
        Checkpoint base = CheckpointIO.read(checkpointDir);
        String hash = CheckpointIO.contentHash(checkpointDir);
        Adapter a = AdapterIO.readFor(adapterDir, base.config(), hash);
        ParameterStore p = ParameterStore.fromTensors(base.weights(), parent);
        LoraAdapters lora = LoraAdapters.fromAdapter(base.config(), a, parent);
        return new DjlModel(base.config(), p, lora, CheckpointTokenizers.of(checkpointDir, base),
                provenance(base.provenance(), a, hash, adapterDir));
    }

    private static Provenance provenance(Provenance base, Adapter a, String baseHash, Path adapterDir) {
        Map<String, String> s = new LinkedHashMap<>(base.settings());
        s.put("lora.rank", String.valueOf(a.config().rank()));
        s.put("lora.alpha", String.valueOf(a.config().alpha()));
        s.put("lora.targets", String.join(",", a.config().targets()));
        s.put("lora.adapter", Provenances.sha256(adapterDir.resolve(AdapterIO.ADAPTER_FILE)));
        return new Provenance(base.kind(), base.recipe(), s, base.seed(), base.dataHash(), base.codeVersion(),
                baseHash, base.createdAt(), base.environment());
    }
}
