package org.vivarium.launcher.imports;

import java.nio.file.Path;
import org.vivarium.importer.hf.HfImporter;
import org.vivarium.api.method.CommandInput;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.ExitCodes;

/**
 * {@code viv import hf DIR [--out DIR]}: a Hugging Face causal-LM directory (GPT-2, GPT-NeoX / Pythia, Llama, Qwen2:
 * {@code config.json} + {@code *.safetensors}) into a hooked decoder checkpoint. An unsupported architecture or
 * setting, a missing or mis-shaped tensor, or weights the config does not describe end in one {@code error:} line;
 * nothing is written then.
 */
final class HfImport {
    private HfImport() {
    }

    /**
     * Runs the import.
     *
     * @param f the parsed command line, {@code hf DIR} as positionals 0 and 1
     * @param ctx where paths are resolved and progress printed
     * @return the exit code
     */
    static int run(CommandInput f, CliContext ctx) {
        Path src = ctx.workDir().resolve(f.positional(1, "the Hugging Face model directory to import"));
        Path name = src.toAbsolutePath().normalize().getFileName();
        Path out = f.path("out", ctx.workDir())
                .orElse(ctx.workDir().resolve(Path.of("runs", name == null ? "hf" : name.toString())));
        Path dir = HfImporter.importDir(src, out, ctx.out());
        ctx.out().println("imported " + src + " into " + dir + " (viv run " + dir
                + " --prompt TEXT --cache 'blocks.*.hook_resid_post')");
        return ExitCodes.OK;
    }
}
