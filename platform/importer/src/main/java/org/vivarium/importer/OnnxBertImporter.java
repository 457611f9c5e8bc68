package org.vivarium.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.checkpoint.encoder.EncoderCheckpoint;
import org.vivarium.checkpoint.encoder.EncoderCheckpointIO;
import org.vivarium.checkpoint.encoder.EncoderConfig;
import org.vivarium.checkpoint.tokenizer.WordPieceTokenizer;
import org.vivarium.importer.bert.BertGraph;
import org.vivarium.importer.bert.BertLayout;
import org.vivarium.importer.bert.BertWeights;
import org.vivarium.importer.bert.HfWordPiece;
import org.vivarium.importer.onnx.OnnxModel;
import org.vivarium.importer.onnx.OnnxReader;

/**
 * Imports a BERT encoder exported to ONNX (float32, weights inside the file) plus its Hugging Face
 * {@code tokenizer.json} into an encoder checkpoint that {@code ModelRuntime.load} runs with hooks.
 *
 * <pre>{@code
 * OnnxBertImporter.importFiles(Path.of("model.onnx"), Path.of("tokenizer.json"), Path.of("runs/bert"), System.out);
 * }</pre>
 */
public final class OnnxBertImporter {
    private OnnxBertImporter() {
    }

    /**
     * Imports from files.
     *
     * @param onnx the .onnx model
     * @param tokenizerJson the Hugging Face tokenizer.json
     * @param out the checkpoint directory to create or replace
     * @param progress where to report progress
     * @return {@code out}
     * @throws VivariumException if a file is missing, or the graph or tokenizer is not supported
     */
    public static Path importFiles(Path onnx, Path tokenizerJson, Path out, PrintStream progress) {
        String tokText;
        try {
            tokText = Files.readString(tokenizerJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VivariumException("cannot read " + tokenizerJson + " (" + e.getMessage() + ")",
                    "pass the tokenizer.json exported with the model", e);
        }
        Map<String, String> src = new TreeMap<>();
        src.put("source.onnx", onnx.getFileName().toString());
        src.put("source.onnx_sha256", Provenances.sha256(onnx));
        src.put("source.tokenizer", tokenizerJson.getFileName().toString());
        src.put("source.tokenizer_sha256", Provenances.sha256(tokText.getBytes(StandardCharsets.UTF_8)));
        progress.printf("reading %s (%s)%n", onnx, megabytes(sizeOf(onnx)));
        EncoderCheckpoint ck = convert(OnnxReader.read(onnx), onnx.toString(), tokText, tokenizerJson.toString(),
                "import/onnx-bert", src, progress);
        return write(ck, out, progress);
    }

    /**
     * Converts a parsed model and tokenizer to an in-memory checkpoint.
     *
     * @param model the parsed ONNX model
     * @param source the model's name, for messages
     * @param tokenizerJson the Hugging Face tokenizer.json text
     * @param tokenizerSource its name, for messages
     * @param recipe the provenance recipe, e.g. {@code import/minilm}
     * @param sourceSettings provenance settings naming the source files and their SHA-256 (must include
     *     {@code source.onnx_sha256})
     * @param progress where to report progress
     * @return the checkpoint
     * @throws VivariumException if the graph or the tokenizer is not supported
     */
    public static EncoderCheckpoint convert(OnnxModel model, String source, String tokenizerJson,
            String tokenizerSource, String recipe, Map<String, String> sourceSettings, PrintStream progress) {
        BertLayout bert = BertGraph.analyse(model, source);
        EncoderConfig cfg = BertWeights.config(bert);
        progress.printf("  BERT encoder: %d layers, d_model %d, %d heads x %d, d_mlp %d, vocab %d, %d positions, "
                + "%d token types, LayerNorm eps %s, %s%n", bert.nLayers(), bert.dModel(), bert.nHeads(),
                bert.dHead(), bert.dMlp(), bert.dVocab(), bert.nCtx(), bert.nTokenTypes(), bert.eps(),
                bert.actFn().name().toLowerCase(Locale.ROOT));
        Map<String, Tensor> weights = BertWeights.toTransformerLens(bert);
        progress.printf("  mapped %d weights (%,d parameters) to TransformerLens HookedEncoder names%n",
                weights.size(), cfg.parameterCount());
        WordPieceTokenizer tok = HfWordPiece.fromTokenizerJson(tokenizerJson, tokenizerSource);
        progress.printf("  tokenizer: WordPiece, %d pieces, %s%n", tok.vocabSize(),
                tok.settings().lowercase() ? "uncased" : "cased");
        Map<String, String> settings = new TreeMap<>(sourceSettings);
        settings.put("onnx.producer", model.producer());
        settings.put("onnx.ir_version", Long.toString(model.irVersion()));
        settings.put("onnx.opset", String.valueOf(model.opsets().getOrDefault("", 0L)));
        Provenance prov = new Provenance("checkpoint", recipe, settings, 0L,
                sourceSettings.getOrDefault("source.onnx_sha256", ""), Provenances.codeVersion(), "",
                Instant.now().toString(), Provenances.environment());
        return new EncoderCheckpoint(cfg, weights, tok, prov);
    }

    /**
     * Writes a converted checkpoint atomically and reports where.
     *
     * @param ck the checkpoint
     * @param out the directory to create or replace
     * @param progress where to report
     * @return {@code out}
     */
    public static Path write(EncoderCheckpoint ck, Path out, PrintStream progress) {
        long t0 = System.nanoTime();
        EncoderCheckpointIO.write(out, ck);
        progress.printf("  wrote %s (%s of weights) in %.1f s%n", out,
                megabytes(sizeOf(out.resolve(CheckpointIO.MODEL_FILE))), (System.nanoTime() - t0) / 1e9);
        return out;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
