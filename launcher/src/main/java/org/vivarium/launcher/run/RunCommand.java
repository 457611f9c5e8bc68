package org.vivarium.launcher.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.safetensors.SafetensorsWriter;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.args.Limits;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.UsageException;
import org.vivarium.launcher.organism.CheckpointPaths;

/**
 * {@code viv run CKPT --prompt TEXT [--cache HOOKS] [--top K] [--generate N] [--save FILE]}: runs a
 * checkpoint, prints the top next-token predictions, summarises every cached activation and can save
 * them as safetensors for Python.
 */
public final class RunCommand implements CliCommand {
    static final List<CommandOption> OPTIONS = List.of(Limits.SEED,
            CommandOption.text("prompt", "TEXT", "the prompt"),
            CommandOption.text("cache", "PATTERN", "hooks to cache and summarise"),
            CommandOption.integer("top", "N", "top next tokens shown", 1, Limits.MAX_COUNT),
            CommandOption.integer("generate", "N", "tokens to generate", 0, Limits.MAX_GENERATE),
            CommandOption.number("temperature", "T", "sampling temperature (0: greedy)", 0, 100),
            CommandOption.path("save", "FILE", "write the run as JSON"));

    private static final String USAGE = "run CKPT --prompt TEXT [--cache HOOK[,HOOK|GLOB...]] [--top K]"
            + " [--generate N] [--temperature T] [--seed N] [--save FILE.safetensors]";

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "run a checkpoint on a prompt: predictions, generation, cached activations by hook name";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        CommandInput f = CommandParser.parse(args, OPTIONS, USAGE);
        Path ckpt = CheckpointPaths.resolve(ctx.workDir().resolve(f.positional(0, "checkpoint directory")));
        String prompt = f.get("prompt", null);
        if (prompt == null) {
            throw new UsageException("run needs --prompt TEXT", USAGE);
        }
        int top = f.getInt("top", 5);
        int n = f.getInt("generate", 0);
        GenerationOptions generation = new GenerationOptions(n, (float) f.getDouble("temperature", 0f), 0,
                f.getLong("seed", 1));
        try (Model model = ctx.modelRuntime().load(ckpt)) {
            Tokenizer tok = model.tokenizer();
            int[] ids = tok.encode(prompt);
            if (ids.length == 0) {
                throw new VivariumException("the prompt encodes to no tokens", "give a non-empty --prompt");
            }
            HookFilter filter = f.has("cache") ? HookFilter.parse(f.get("cache", ""), model.config()) : HookFilter.NONE;
            RunResult r = model.runWithCache(new int[][] {ids}, filter);
            ctx.out().printf("%s: %d tokens%n", ckpt, ids.length);
            int[] logitShape = r.logits().shape();
            if (logitShape[logitShape.length - 1] == model.config().dVocab()) {
                printTop(r.logits(), tok, ids.length, top, ctx);
            } else {
                ctx.out().printf("no language-model head (an encoder): the output is the last hidden state %s%n",
                        shape(r.logits()));
            }
            for (Map.Entry<String, Tensor> e : r.activations().asMap().entrySet()) {
                ctx.out().printf("  %-34s %-18s %s%n", e.getKey(), shape(e.getValue()), stats(e.getValue()));
            }
            if (f.has("save")) {
                save(r, ctx.workDir().resolve(f.get("save", "")), ckpt, prompt, ctx);
            }
            if (n > 0) {
                int[] gen = model.generate(ids, generation, List.of());
                ctx.out().println("generated: " + tok.decode(gen));
            }
            return 0;
        }
    }

    private static void printTop(Tensor logits, Tokenizer tok, int len, int k, CliContext ctx) {
        float[] last = logits.row(0, len - 1);
        double max = Double.NEGATIVE_INFINITY;
        for (float v : last) {
            max = Math.max(max, v);
        }
        double z = 0;
        for (float v : last) {
            z += Math.exp(v - max);
        }
        Integer[] idx = new Integer[last.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Float.compare(last[b], last[a]));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(k, idx.length); i++) {
            parts.add(String.format("%s %.3f", quote(tok.tokenText(idx[i])), Math.exp(last[idx[i]] - max) / z));
        }
        ctx.out().println("next token: " + String.join(", ", parts));
    }

    private static String quote(String s) {
        return "'" + s.replace("\n", "\\n") + "'";
    }

    private static String shape(Tensor t) {
        return java.util.Arrays.toString(t.shape());
    }

    private static String stats(Tensor t) {
        double sum = 0;
        double sq = 0;
        float mx = Float.NEGATIVE_INFINITY;
        float mn = Float.POSITIVE_INFINITY;
        for (float v : t.data()) {
            sum += v;
            sq += v * v;
            mx = Math.max(mx, v);
            mn = Math.min(mn, v);
        }
        int n = t.numel();
        return String.format("mean %.4f  rms %.4f  min %.4f  max %.4f", sum / n, Math.sqrt(sq / n), mn, mx);
    }

    private static void save(RunResult r, Path file, Path ckpt, String prompt, CliContext ctx) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(r.activations().asMap());
        tensors.put("logits", r.logits());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("checkpoint", ckpt.toString());
        meta.put("prompt", prompt);
        SafetensorsWriter.write(file, tensors, meta);
        ctx.out().println("saved " + tensors.size() + " tensors to " + file);
    }
}
