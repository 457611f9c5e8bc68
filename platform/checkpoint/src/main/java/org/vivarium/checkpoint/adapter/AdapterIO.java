package org.vivarium.checkpoint.adapter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.checkpoint.safetensors.SafetensorsFile;
import org.vivarium.checkpoint.safetensors.SafetensorsReader;
import org.vivarium.checkpoint.safetensors.SafetensorsWriter;

/**
 * Saves and loads LoRA adapters as two files in a directory, either a checkpoint directory (next to the merged
 * weights) or a directory of their own.
 *
 * <pre>
 * runs/em-organism/
 *   adapter.safetensors    lora_A / lora_B tensors, F32; __metadata__ holds the id of adapter_config.json
 *   adapter_config.json    {@link AdapterConfigJson}: rank, alpha, targets, base model hash
 * </pre>
 *
 * <pre>{@code
 * AdapterIO.write(dir, adapter);
 * Adapter a = AdapterIO.read(dir);                       // tensors validated against the config
 * AdapterIO.requireBase(a, CheckpointIO.contentHash(baseDir), baseDir.toString());
 * }</pre>
 *
 * <p>Each file is replaced atomically, tensors first. The tensors record the id of the config they were written
 * with, so a save interrupted between the two renames is detected on read rather than mixing two adapters.
 * Note that {@code CheckpointIO.write} replaces a whole checkpoint directory: write the adapter after the
 * checkpoint.
 */
public final class AdapterIO {
    /** The tensor file. */
    public static final String ADAPTER_FILE = "adapter.safetensors";
    /** The settings file. */
    public static final String CONFIG_FILE = "adapter_config.json";
    /** The {@code __metadata__} key in adapter.safetensors holding {@link AdapterConfigJson#id}. */
    public static final String CONFIG_ID_KEY = "vivarium.adapter_config_id";

    private AdapterIO() {
    }

    /**
     * Writes an adapter into {@code dir} (created if needed), replacing an older adapter there.
     *
     * @param dir the directory
     * @param adapter the adapter
     * @throws VivariumException if {@code dir} is a file or writing fails
     */
    public static void write(Path dir, Adapter adapter) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new VivariumException(dir + " is a file, not a directory for a LoRA adapter",
                    "choose a directory (a checkpoint directory or a new one)");
        }
        Map<String, String> meta = new TreeMap<>();
        meta.put("format", "pt");
        meta.put(CONFIG_ID_KEY, AdapterConfigJson.id(adapter.config()));
        SafetensorsWriter.write(dir.resolve(ADAPTER_FILE), adapter.tensors(), meta);
        AdapterConfigJson.write(dir.resolve(CONFIG_FILE), adapter.config());
    }

    /**
     * Tells whether a directory holds an adapter.
     *
     * @param dir the directory
     * @return whether both adapter files are present
     */
    public static boolean hasAdapter(Path dir) {
        return Files.isRegularFile(dir.resolve(ADAPTER_FILE)) && Files.isRegularFile(dir.resolve(CONFIG_FILE));
    }

    /**
     * Reads an adapter and checks that its tensors match its settings.
     *
     * @param dir the directory holding the adapter files
     * @return the adapter
     * @throws VivariumException if a file is missing or invalid or the two files do not belong together
     */
    public static Adapter read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new VivariumException("no LoRA adapter directory at " + dir,
                    "pass the directory holding " + ADAPTER_FILE + " and " + CONFIG_FILE);
        }
        for (String f : new String[] {ADAPTER_FILE, CONFIG_FILE}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new VivariumException("LoRA adapter in " + dir + " is incomplete: no " + f,
                        "write the adapter again from its training run");
            }
        }
        AdapterConfig config = AdapterConfigJson.read(dir.resolve(CONFIG_FILE));
        SafetensorsFile file = SafetensorsReader.read(dir.resolve(ADAPTER_FILE));
        String recorded = file.metadata().get(CONFIG_ID_KEY);
        if (recorded != null && !recorded.equals(AdapterConfigJson.id(config))) {
            throw new VivariumException("LoRA adapter in " + dir + ": " + CONFIG_FILE + " does not belong with "
                    + ADAPTER_FILE + " (the tensors were written with config " + recorded + ")",
                    "write the adapter again; an earlier save was probably interrupted");
        }
        try {
            return new Adapter(config, file.tensors());
        } catch (VivariumException e) {
            throw new VivariumException("LoRA adapter in " + dir + ": " + e.problem(), e.fix(), e);
        }
    }

    /**
     * Reads an adapter and checks it against the model it will be applied to.
     *
     * @param dir the adapter directory
     * @param cfg the base model's architecture
     * @param baseHash the base checkpoint's content hash
     * @return the adapter
     * @throws VivariumException if the adapter is invalid, does not fit {@code cfg} or was trained on another base
     */
    public static Adapter readFor(Path dir, ModelConfig cfg, String baseHash) {
        Adapter a = read(dir);
        try {
            a.requireFits(cfg);
        } catch (VivariumException e) {
            throw new VivariumException("LoRA adapter in " + dir + ": " + e.problem(), e.fix(), e);
        }
        requireBase(a, baseHash, dir.toString());
        return a;
    }

    /**
     * Checks that an adapter was trained on the given base checkpoint (skipped when it records no base).
     *
     * @param a the adapter
     * @param baseHash the content hash of the checkpoint it is about to be applied to
     * @param where the adapter's location, for the message
     * @throws VivariumException if the recorded base differs
     */
    public static void requireBase(Adapter a, String baseHash, String where) {
        String want = a.config().baseModelHash();
        if (!want.isEmpty() && !want.equals(baseHash)) {
            throw new VivariumException("LoRA adapter " + where + " was trained on base checkpoint " + want
                    + " but is being applied to " + baseHash,
                    "load the adapter together with the checkpoint it was trained from");
        }
    }
}
