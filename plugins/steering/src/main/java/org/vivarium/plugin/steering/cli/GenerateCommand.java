package org.vivarium.plugin.steering.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CheckpointArgument;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.generate.Continuations;
import org.vivarium.plugin.steering.generate.DirectionalAblation;
import org.vivarium.plugin.steering.generate.SteeringSweep;
import org.vivarium.plugin.steering.io.DirectionFile;
import org.vivarium.plugin.steering.io.SavedDirection;

/**
 * {@code viv steering generate CKPT --direction FILE --prompt TEXT [--coeffs 0,2,4,8] [--tokens 40]
 * [--temperature T] [--seed N] [--ablate]}: prints one continuation per coefficient with the saved
 * direction added at its hook, and with {@code --ablate} one more with it projected out of every residual
 * site.
 */
public final class GenerateCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.path("direction", "DIR/direction.json", "a direction from 'viv steering direction'"),
            CommandOption.text("prompt", "TEXT", "the prompt"),
            CommandOption.list("coeffs", "0,2,4,8", "steering coefficients"),
            CommandOption.integer("tokens", "N", "tokens generated (default 40)", 1, 4096),
            CommandOption.number("temperature", "T", "sampling temperature, 0 is greedy", 0, Double.MAX_VALUE),
            CommandOption.integer("seed", "N", "sampling seed (default 0)", 0, Integer.MAX_VALUE),
            CommandOption.flag("ablate", "also project the direction out"));

    private static final String USAGE = "viv steering generate CKPT --direction DIR/direction.json --prompt TEXT "
            + "[--coeffs 0,2,4,8] [--tokens 40] [--temperature T] [--seed N] [--ablate]";

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "CKPT --direction DIR/direction.json --prompt TEXT [--coeffs 0,2,4,8] [--tokens 40] [--temperature T] "
                + "[--seed N] [--ablate]";
    }

    @Override
    public String summary() {
        return "continue a prompt with a saved direction added at several coefficients (or ablated)";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) throws Exception {
        Path ckpt = CheckpointArgument.resolve(ctx.workDir(), a.onlyPositional("checkpoint directory"),
                CommandFixes.CHECKPOINT);
        SavedDirection dir = DirectionFile.read(a.requirePath("direction", ctx.workDir()));
        String prompt = a.require("prompt");
        List<Double> coeffs = a.getNumbers("coeffs", List.of(0.0, 2.0, 4.0, 8.0));
        int tokens = a.getInt("tokens", 40);
        GenerationOptions opts = new GenerationOptions(tokens, (float) a.getDouble("temperature", 0),
                0, a.getInt("seed", 0));
        try (Model model = ctx.runtime().load(ckpt)) {
            HookName hook = HookName.parse(dir.hook().path(), model.config());
            if (dir.vector().length != model.config().dModel()) {
                throw new VivariumException("the direction has width " + dir.vector().length + " but the model's "
                        + "d_model is " + model.config().dModel(), "use a direction fitted on this checkpoint");
            }
            if (prompt.isEmpty()) {
                throw new VivariumException("--prompt is empty", "pass the text to continue");
            }
            ctx.out().printf("direction %s (layer %d) from %s; prompt: %s%n", hook.path(), dir.layer(),
                    dir.checkpoint(), prompt);
            for (double c : coeffs) {
                String text = Continuations.of(model, prompt, opts,
                        List.of(SteeringSweep.hook(hook, dir.vector(), c))).text();
                ctx.out().printf(Locale.ROOT, "c=%-6s %s%n", format(c), oneLine(text));
            }
            if (a.flag("ablate")) {
                String text = Continuations.of(model, prompt, opts, DirectionalAblation.hooks(model, dir.vector()))
                        .text();
                ctx.out().printf("ablated  %s%n", oneLine(text));
            }
        }
        return 0;
    }

    private static String format(double c) {
        return c == Math.rint(c) ? String.valueOf((long) c) : String.valueOf(c);
    }

    private static String oneLine(String s) {
        return s.replace("\n", "\\n");
    }
}
