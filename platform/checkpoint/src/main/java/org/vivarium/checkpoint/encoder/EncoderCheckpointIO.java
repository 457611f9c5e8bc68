package org.vivarium.checkpoint.encoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.ProvenanceJson;
import org.vivarium.checkpoint.WeightsValidator;
import org.vivarium.checkpoint.io.AtomicDirectory;
import org.vivarium.checkpoint.safetensors.SafetensorsFile;
import org.vivarium.checkpoint.safetensors.SafetensorsReader;
import org.vivarium.checkpoint.safetensors.SafetensorsWriter;
import org.vivarium.checkpoint.tokenizer.TokenizerJson;

/**
 * Saves and loads encoder checkpoint directories. The files are those of a decoder checkpoint (see
 * {@link CheckpointIO}); {@code config.json} carries {@code "architecture": "encoder"} and the weights use
 * {@link EncoderShapes} names.
 *
 * <pre>{@code
 * EncoderCheckpointIO.write(Path.of("runs/minilm"), ck);           // atomic, validated
 * if (EncoderCheckpointIO.isEncoder(dir)) { EncoderCheckpoint ck = EncoderCheckpointIO.read(dir); }
 * }</pre>
 */
public final class EncoderCheckpointIO {
    private static final List<String> REQUIRED = List.of(CheckpointIO.MODEL_FILE, CheckpointIO.CONFIG_FILE,
            CheckpointIO.TOKENIZER_FILE, CheckpointIO.PROVENANCE_FILE);

    private EncoderCheckpointIO() {
    }

    /**
     * Tells whether a directory holds an encoder checkpoint (its config.json says {@code architecture=encoder}).
     *
     * @param dir a directory
     * @return true for an encoder checkpoint; false for a decoder, a missing directory or no config.json
     */
    public static boolean isEncoder(Path dir) {
        Path cfg = dir.resolve(CheckpointIO.CONFIG_FILE);
        if (!Files.isRegularFile(cfg)) {
            return false;
        }
        try {
            return EncoderConfigJson.isEncoder(cfg);
        } catch (VivariumException e) {
            return false;
        }
    }

    /**
     * Writes an encoder checkpoint atomically (a hidden sibling directory replaces {@code dir}).
     *
     * @param dir the directory to create or replace
     * @param ck the checkpoint
     * @throws VivariumException if the weights do not fit the config, or {@code dir} is a non-empty directory that
     *     is not a checkpoint
     */
    public static void write(Path dir, EncoderCheckpoint ck) {
        String where = "cannot save checkpoint " + dir;
        WeightsValidator.validate(EncoderShapes.forConfig(ck.config()), ck.weights(), where);
        checkTokenizer(ck.tokenizer(), ck.config(), where);
        if (Files.exists(dir) && !CheckpointIO.isCheckpoint(dir) && !isEmptyDirectory(dir)) {
            throw new VivariumException(dir + " exists and is not a checkpoint, so it will not be overwritten",
                    "choose another output directory or remove " + dir);
        }
        AtomicDirectory.replace(dir, tmp -> {
            Map<String, String> meta = new TreeMap<>();
            meta.put("format", "pt");
            meta.put(CheckpointIO.PROVENANCE_ID_KEY, ProvenanceJson.id(ck.provenance()));
            SafetensorsWriter.write(tmp.resolve(CheckpointIO.MODEL_FILE), ck.weights(), meta);
            EncoderConfigJson.write(tmp.resolve(CheckpointIO.CONFIG_FILE), ck.config());
            TokenizerJson.write(tmp.resolve(CheckpointIO.TOKENIZER_FILE), ck.tokenizer());
            ProvenanceJson.write(tmp.resolve(CheckpointIO.PROVENANCE_FILE), ck.provenance());
        });
    }

    /**
     * Reads and validates an encoder checkpoint.
     *
     * @param dir the directory
     * @return the checkpoint
     * @throws VivariumException if a file is missing or invalid, or the files do not belong together
     */
    public static EncoderCheckpoint read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new VivariumException("no checkpoint directory at " + dir,
                    "import one with 'viv import minilm --out " + dir + "'");
        }
        List<String> missing = new ArrayList<>();
        for (String f : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new VivariumException("checkpoint " + dir + " is incomplete: no " + String.join(", ", missing),
                    "re-import it with 'viv import minilm --out " + dir + "'");
        }
        EncoderConfig cfg = EncoderConfigJson.read(dir.resolve(CheckpointIO.CONFIG_FILE));
        SafetensorsFile model = SafetensorsReader.read(dir.resolve(CheckpointIO.MODEL_FILE));
        WeightsValidator.validate(EncoderShapes.forConfig(cfg), model.tensors(), "checkpoint " + dir);
        Tokenizer tok = TokenizerJson.read(dir.resolve(CheckpointIO.TOKENIZER_FILE));
        checkTokenizer(tok, cfg, "checkpoint " + dir);
        Provenance prov = ProvenanceJson.read(dir.resolve(CheckpointIO.PROVENANCE_FILE));
        String expected = model.metadata().get(CheckpointIO.PROVENANCE_ID_KEY);
        if (expected != null && !expected.equals(ProvenanceJson.id(prov))) {
            throw new VivariumException("checkpoint " + dir + ": provenance.json does not match model.safetensors"
                    + " (the weights record provenance " + expected + ")",
                    "restore the original provenance.json or re-import the model");
        }
        return new EncoderCheckpoint(cfg, model.tensors(), tok, prov);
    }

    private static void checkTokenizer(Tokenizer tok, EncoderConfig cfg, String where) {
        if (tok.vocabSize() > cfg.base().dVocab()) {
            throw new VivariumException(where + ": tokenizer.json has " + tok.vocabSize()
                    + " tokens but config.json has d_vocab=" + cfg.base().dVocab()
                    + "; the tokenizer and the model do not belong together", "re-import the model");
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
