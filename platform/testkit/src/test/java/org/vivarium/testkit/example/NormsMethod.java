package org.vivarium.testkit.example;

import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;

/**
 * The smallest useful method plugin, quoted in docs/PLUGINS.md: {@code viv norms show CKPT --prompt TEXT} prints
 * the residual stream's norm at the prompt's last token after each layer. It sees the platform API only.
 */
@Component(service = Method.class)
public final class NormsMethod implements Method {
    @Override
    public String name() {
        return "norms";
    }

    @Override
    public String description() {
        return "the residual stream's norm at a prompt's last token, layer by layer";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of(new ShowCommand());
    }

    /** {@code viv norms show}. */
    static final class ShowCommand implements MethodCommand {
        static final String USAGE = "viv norms show CKPT --prompt TEXT";

        @Override
        public String name() {
            return "show";
        }

        @Override
        public String usage() {
            return USAGE;
        }

        @Override
        public String summary() {
            return "print the last token's residual-stream norm after each layer";
        }

        @Override
        public List<CommandOption> options() {
            return List.of(CommandOption.text("prompt", "TEXT", "the text to read").required());
        }

        @Override
        public int run(CommandInput a, MethodContext ctx) {
            Path ckpt = ctx.workDir().resolve(a.onlyPositional("a checkpoint directory (CKPT)"));
            String prompt = a.get("prompt", "");
            try (Model model = ctx.runtime().load(ckpt);
                    Progress progress = ctx.progress("norms", model.config().nLayers(), "layer")) {
                int[][] tokens = {model.tokenizer().encode(prompt)};
                Activations acts = model.runWithCache(tokens, HookFilter.glob("blocks.*.hook_resid_post"))
                        .activations();
                for (int layer = 0; layer < model.config().nLayers(); layer++) {
                    float[] last = acts.get(HookName.residPost(layer)).row(0, tokens[0].length - 1);
                    double sum = 0;
                    for (float x : last) {
                        sum += x * x;
                    }
                    ctx.out().printf("layer %d: %.3f%n", layer, Math.sqrt(sum));
                    progress.advance(1);
                }
            }
            return 0;
        }
    }
}
