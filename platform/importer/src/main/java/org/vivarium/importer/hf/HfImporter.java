package org.vivarium.importer.hf;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.ModelSize;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.checkpoint.io.JsonFiles;
import org.vivarium.checkpoint.safetensors.SafetensorsReader;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;

/**
 * Imports a Hugging Face causal-LM directory ({@code config.json} + {@code *.safetensors}, optionally
 * {@code tokenizer.json}) of a GPT-2, GPT-NeoX / Pythia, Llama or Qwen2 model into a Vivarium decoder checkpoint
 * with TransformerLens weight names. Provenance names the source directory and the SHA-256 of every source file.
 *
 * <pre>{@code
 * Path ck = HfImporter.importDir(Path.of("~/models/pythia-70m"), Path.of("runs/pythia-70m"), System.out);
 * try (Model m = runtime.load(ck)) { m.run(tokens, List.of(), HookFilter.ALL); }
 * }</pre>
 *
 * <p>The source {@code tokenizer.json} is copied into the checkpoint as {@value #HF_TOKENIZER_FILE} (and hashed in
 * the provenance); {@code ModelRuntime.load} encodes text with it. The checkpoint's own {@code tokenizer.json} is a
 * symbol tokenizer over token ids, which tools that cannot run Hugging Face tokenizers fall back to.
 */
public final class HfImporter {
    /** Where the source tokenizer.json is copied inside the checkpoint. */
    public static final String HF_TOKENIZER_FILE = CheckpointIO.HF_TOKENIZER_FILE;

    private HfImporter() {
    }

    /**
     * Imports a directory.
     *
     * @param dir the Hugging Face model directory
     * @param out the checkpoint directory to create or replace
     * @param progress where to report, one line per step
     * @return {@code out}
     * @throws VivariumException with one line naming what is missing, unsupported or mismatched
     */
    public static Path importDir(Path dir, Path out, PrintStream progress) {
        Path configFile = dir.resolve("config.json");
        if (!Files.isDirectory(dir) || !Files.isRegularFile(configFile)) {
            throw new VivariumException(dir + " is not a Hugging Face model directory (no config.json)",
                    "give the directory holding config.json and *.safetensors");
        }
        HfConfig hf = HfConfig.parse(JsonFiles.readObject(configFile, "fix config.json"), configFile.toString());
        ModelConfig c = hf.model();
        progress.printf("importing %s (%s): %d layers, d_model %d, %d heads x %d (%d key/value), d_mlp %d, vocab %d%n",
                dir, hf.architecture().className(), c.nLayers(), c.dModel(), c.nHeads(), c.dHead(), hf.nKvHeads(),
                c.dMlp(), c.dVocab());
        ModelSize.requireFits(c, ModelSize.heapLimit(), configFile.toString());
        Map<String, String> settings = new TreeMap<>();
        settings.put("source.dir", dir.toAbsolutePath().normalize().toString());
        settings.put("source.architecture", hf.architecture().className());
        settings.put("source.config.json_sha256", Provenances.sha256(configFile));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Path f : safetensorsFiles(dir)) {
            settings.put("source." + f.getFileName() + "_sha256", Provenances.sha256(f));
            for (Map.Entry<String, Tensor> e : SafetensorsReader.read(f).tensors().entrySet()) {
                if (tensors.put(e.getKey(), e.getValue()) != null) {
                    throw new VivariumException("tensor " + e.getKey() + " appears twice (again in " + f + ")",
                            "remove the duplicate safetensors file from " + dir);
                }
            }
            progress.printf("  read %s%n", f.getFileName());
        }
        Map<String, Tensor> weights = HfWeights.toTransformerLens(hf, new HfTensors(tensors, dir.toString()));
        progress.printf("  mapped %d tensors to %d TransformerLens weights (%,d parameters)%n", tensors.size(),
                weights.size(), c.parameterCount());
        Path tok = dir.resolve("tokenizer.json");
        if (Files.isRegularFile(tok)) {
            settings.put("source.tokenizer.json_sha256", Provenances.sha256(tok));
        }
        String dataHash = settings.getOrDefault("source.model.safetensors_sha256", "");
        Provenance prov = new Provenance("checkpoint", "import/hf-" + hf.architecture().modelType(), settings, 0L,
                dataHash, Provenances.codeVersion(), "", Instant.now().toString(), Provenances.environment());
        CheckpointIO.write(out, new Checkpoint(c, weights, new SymbolTokenizer(c.dVocab()), prov));
        if (Files.isRegularFile(tok)) {
            copy(tok, out.resolve(HF_TOKENIZER_FILE));
        }
        progress.printf("  wrote %s%n", out);
        return out;
    }

    private static List<Path> safetensorsFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".safetensors"))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            throw new VivariumException("cannot list " + dir + " (" + e.getMessage() + ")", "check its permissions", e);
        }
        if (files.isEmpty()) {
            throw new VivariumException(dir + " has no *.safetensors weights",
                    "convert pytorch_model.bin to safetensors first (Vivarium reads only safetensors)");
        }
        return files;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new VivariumException("cannot copy " + from + " to " + to + " (" + e.getMessage() + ")",
                    "check free space and permissions", e);
        }
    }
}
