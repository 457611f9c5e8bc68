package org.vivarium.launcher.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.importer.OnnxBertImporter;
import org.vivarium.api.method.CommandInput;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.ExitCodes;

/**
 * {@code viv import onnx FILE [--tokenizer FILE] [--out DIR]}: a BERT encoder exported to ONNX, with its Hugging Face
 * {@code tokenizer.json}, into a hooked checkpoint. Anything the importer does not support (a graph that is not a
 * Hugging Face BERT export, fused or quantised ops, missing initializers, bytes that are not ONNX, a missing file)
 * ends in one {@code error:} line naming what is unsupported and what is supported; nothing is written.
 */
final class OnnxImport {
    static final String SUPPORTED = "supported: a Hugging Face BertModel exported to ONNX from PyTorch in float32"
            + " (e.g. optimum's onnx/model.onnx, or all-MiniLM-L6-v2 via 'viv import minilm') with its tokenizer.json";
    private static final String TOKENIZER = "tokenizer.json";

    private OnnxImport() {
    }

    /**
     * Runs the import.
     *
     * @param f the parsed command line, {@code onnx FILE} as positionals 0 and 1
     * @param ctx where paths are resolved and progress printed
     * @return the exit code
     */
    static int run(CommandInput f, CliContext ctx) {
        Path onnx = ctx.workDir().resolve(f.positional(1, "the .onnx file to import"));
        if (!Files.isRegularFile(onnx)) {
            throw new VivariumException("no ONNX file " + onnx, "pass the path of an .onnx file; " + SUPPORTED);
        }
        Path tokenizer = f.has("tokenizer") ? f.requirePath("tokenizer", ctx.workDir()) : besideModel(onnx);
        String stem = onnx.getFileName().toString().replaceFirst("\\.onnx$", "");
        Path out = f.path("out", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("runs", stem)));
        Path dir = OnnxBertImporter.importFiles(onnx, tokenizer, out, ctx.out());
        ctx.out().println("imported " + onnx.getFileName() + " into " + dir + " (viv run " + dir
                + " --prompt TEXT --cache 'blocks.*.hook_resid_post')");
        return ExitCodes.OK;
    }

    /** The tokenizer.json next to the model, or one directory up (the Hugging Face layout onnx/model.onnx). */
    private static Path besideModel(Path onnx) {
        Path dir = onnx.toAbsolutePath().getParent();
        for (Path d : dir.getParent() == null ? List.of(dir) : List.of(dir, dir.getParent())) {
            if (Files.isRegularFile(d.resolve(TOKENIZER))) {
                return d.resolve(TOKENIZER);
            }
        }
        throw new VivariumException("no " + TOKENIZER + " beside " + onnx + " or in its parent directory",
                "pass --tokenizer FILE, the Hugging Face tokenizer.json of the model (a BERT WordPiece tokenizer)");
    }
}
