package org.vivarium.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.io.AtomicDirectory;
import org.vivarium.checkpoint.safetensors.SafetensorsFile;
import org.vivarium.checkpoint.safetensors.SafetensorsReader;
import org.vivarium.checkpoint.safetensors.SafetensorsWriter;
import org.vivarium.checkpoint.tokenizer.TokenizerJson;

/**
 * Saves and loads {@link Checkpoint} directories.
 *
 * <pre>
 * runs/induction/
 *   model.safetensors      weights, F32, TransformerLens names; __metadata__ holds the provenance id
 *   config.json            {@link ConfigJson}
 *   tokenizer.json         {@link TokenizerJson}
 *   provenance.json        {@link ProvenanceJson}
 *   optimizer.safetensors  optional: optimizer tensors, for resuming training
 *   trainer_state.json     optional: {@link TrainerStateJson}, for resuming training
 * </pre>
 *
 * <pre>{@code
 * CheckpointIO.write(Path.of("runs/induction"), checkpoint);   // atomic; replaces an older checkpoint
 * Checkpoint ck = CheckpointIO.read(Path.of("runs/induction")); // validated against config.json
 * String id = CheckpointIO.contentHash(Path.of("runs/induction"));
 * }</pre>
 */
public final class CheckpointIO {
    /** The weights file. */
    public static final String MODEL_FILE = "model.safetensors";
    /** The architecture file. */
    public static final String CONFIG_FILE = "config.json";
    /** The tokenizer file. */
    public static final String TOKENIZER_FILE = "tokenizer.json";
    /** The provenance file. */
    public static final String PROVENANCE_FILE = "provenance.json";
    /** The optional optimizer-state file. */
    public static final String OPTIMIZER_FILE = "optimizer.safetensors";
    /** The optional trainer-state file. */
    public static final String TRAINER_STATE_FILE = "trainer_state.json";
    /**
     * An imported model's original Hugging Face tokenizer.json, kept beside the checkpoint's own tokenizer; the
     * runtime encodes text with it when present.
     */
    public static final String HF_TOKENIZER_FILE = "hf_tokenizer.json";
    /** The {@code __metadata__} key in model.safetensors holding {@link ProvenanceJson#id}. */
    public static final String PROVENANCE_ID_KEY = "vivarium.provenance_id";

    private static final List<String> REQUIRED = List.of(MODEL_FILE, CONFIG_FILE, TOKENIZER_FILE, PROVENANCE_FILE);

    private CheckpointIO() {
    }

    /**
     * Writes a checkpoint directory atomically. The weights are validated against the config first; the
     * files are written to a hidden sibling directory which then replaces {@code dir}, so a failure or a
     * crash never leaves a half-written checkpoint and never loses the previous one.
     *
     * @param dir the checkpoint directory to create or replace
     * @param ck the checkpoint
     * @throws VivariumException if the weights do not fit the config, {@code dir} is a non-empty
     *     directory that is not a checkpoint, or writing fails (the old checkpoint is then kept)
     */
    public static void write(Path dir, Checkpoint ck) {
        WeightsValidator.validate(ck.config(), ck.weights(), "cannot save checkpoint " + dir);
        checkTokenizerFits(ck.tokenizer(), ck.config(), "cannot save checkpoint " + dir);
        if (Files.exists(dir) && !isCheckpoint(dir) && !isEmptyDirectory(dir)) {
            throw new VivariumException(dir + " exists and is not a checkpoint, so it will not be overwritten",
                    "choose another output directory or remove " + dir);
        }
        AtomicDirectory.replace(dir, tmp -> writeFiles(tmp, ck));
    }

    /**
     * Reads and validates a checkpoint directory.
     *
     * @param dir the checkpoint directory
     * @return the checkpoint
     * @throws VivariumException if the directory or a required file is missing or any file is invalid or
     *     does not belong with the others
     */
    public static Checkpoint read(Path dir) {
        requireCheckpointDir(dir);
        List<String> missing = new ArrayList<>();
        for (String f : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new VivariumException("checkpoint " + dir + " is incomplete: no " + String.join(", ", missing),
                    "re-export it, or train a new one with 'viv organism train induction --out " + dir + "'");
        }
        ModelConfig config = ConfigJson.read(dir.resolve(CONFIG_FILE));
        SafetensorsFile model = SafetensorsReader.read(dir.resolve(MODEL_FILE));
        WeightsValidator.validate(config, model.tensors(), "checkpoint " + dir);
        Tokenizer tokenizer = TokenizerJson.read(dir.resolve(TOKENIZER_FILE));
        checkTokenizerFits(tokenizer, config, "checkpoint " + dir);
        Provenance provenance = ProvenanceJson.read(dir.resolve(PROVENANCE_FILE));
        checkProvenanceId(dir, model.metadata(), provenance);
        Path opt = dir.resolve(OPTIMIZER_FILE);
        Map<String, Tensor> optimizer = Files.exists(opt) ? SafetensorsReader.read(opt).tensors() : Map.of();
        Path ts = dir.resolve(TRAINER_STATE_FILE);
        Map<String, String> trainer = Files.exists(ts) ? TrainerStateJson.read(ts) : Map.of();
        return new Checkpoint(config, model.tensors(), tokenizer, provenance, optimizer, trainer);
    }

    /**
     * Returns the checkpoint's id: the SHA-256 of its model.safetensors.
     *
     * @param dir the checkpoint directory
     * @return {@code sha256:<hex>}
     * @throws VivariumException if there is no checkpoint at {@code dir}
     */
    public static String contentHash(Path dir) {
        requireCheckpointDir(dir);
        Path model = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(model)) {
            throw new VivariumException("checkpoint " + dir + " has no " + MODEL_FILE,
                    "re-export it, or train a new one with 'viv organism train induction --out " + dir + "'");
        }
        return Provenances.sha256(model);
    }

    /**
     * Tells whether a directory looks like a checkpoint (has model.safetensors and config.json).
     *
     * @param dir the directory
     * @return whether it holds a checkpoint
     */
    public static boolean isCheckpoint(Path dir) {
        return Files.isRegularFile(dir.resolve(MODEL_FILE)) && Files.isRegularFile(dir.resolve(CONFIG_FILE));
    }

    private static void writeFiles(Path tmp, Checkpoint ck) {
        Map<String, String> meta = new TreeMap<>();
        meta.put("format", "pt");
        meta.put(PROVENANCE_ID_KEY, ProvenanceJson.id(ck.provenance()));
        SafetensorsWriter.write(tmp.resolve(MODEL_FILE), ck.weights(), meta);
        ConfigJson.write(tmp.resolve(CONFIG_FILE), ck.config());
        TokenizerJson.write(tmp.resolve(TOKENIZER_FILE), ck.tokenizer());
        ProvenanceJson.write(tmp.resolve(PROVENANCE_FILE), ck.provenance());
        if (!ck.optimizerState().isEmpty()) {
            SafetensorsWriter.write(tmp.resolve(OPTIMIZER_FILE), ck.optimizerState(), Map.of("format", "pt"));
        }
        if (!ck.trainerState().isEmpty()) {
            TrainerStateJson.write(tmp.resolve(TRAINER_STATE_FILE), ck.trainerState());
        }
    }

    private static void requireCheckpointDir(Path dir) {
        if (!Files.exists(dir)) {
            Path backup = AtomicDirectory.findBackup(dir);
            if (backup != null) {
                throw new VivariumException("no checkpoint at " + dir + ", but an interrupted save left the previous"
                        + " one at " + backup, "rename " + backup + " to " + dir);
            }
            throw new VivariumException("no checkpoint at " + dir,
                    "train one with 'viv organism train induction --out " + dir + "'");
        }
        if (!Files.isDirectory(dir)) {
            throw new VivariumException(dir + " is a file, not a checkpoint directory",
                    "pass the directory that holds model.safetensors and config.json");
        }
    }

    private static void checkTokenizerFits(Tokenizer tokenizer, ModelConfig config, String where) {
        if (tokenizer.vocabSize() > config.dVocab()) {
            throw new VivariumException(where + ": tokenizer.json has " + tokenizer.vocabSize()
                    + " tokens but config.json has d_vocab=" + config.dVocab()
                    + "; the tokenizer and the model do not belong together", "re-export the checkpoint");
        }
    }

    private static void checkProvenanceId(Path dir, Map<String, String> meta, Provenance provenance) {
        String expected = meta.get(PROVENANCE_ID_KEY);
        if (expected != null && !expected.equals(ProvenanceJson.id(provenance))) {
            throw new VivariumException("checkpoint " + dir + ": provenance.json does not match model.safetensors"
                    + " (the weights record provenance " + expected + ")",
                    "restore the original provenance.json or re-export the checkpoint");
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
