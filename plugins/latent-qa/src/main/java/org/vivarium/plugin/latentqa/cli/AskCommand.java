package org.vivarium.plugin.latentqa.cli;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.latentqa.decoder.Decoder;
import org.vivarium.plugin.latentqa.decoder.DecoderSpec;
import org.vivarium.plugin.latentqa.decoder.DecoderSpecFile;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.plugin.latentqa.read.ActivationReader;

/**
 * {@code viv latent-qa ask}: reads a subject model's activation on one prompt (at the hook the decoder was trained
 * on) and prints the decoder's answer to a question about it.
 */
public final class AskCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.path("decoder", "DIR", "written by 'viv latent-qa train'"),
            CommandOption.path("subject", "CKPT", "the model whose activation is read"),
            CommandOption.text("prompt", "TEXT", "the subject's prompt (\\n for a line end)"),
            CommandOption.text("question", "TEXT", "the question (default: the decoder's first)"));

    /** The usage line. */
    public static final String USAGE = "--decoder DIR --subject CKPT --prompt TEXT [--question TEXT]";

    @Override
    public String name() {
        return "ask";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "ask a trained decoder a question about a model's activation on a prompt";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        a.noPositionals();
        Path dir = a.requirePath("decoder", ctx.workDir());
        Path subjectDir = a.requirePath("subject", ctx.workDir());
        String prompt = LabelledTsv.unescape(a.require("prompt"));
        DecoderSpec spec = DecoderSpecFile.read(dir);
        String asked = a.get("question", spec.questions().get(0).text());
        Question q = spec.question(asked);
        if (q == null) {
            throw new VivariumException("the decoder was not trained on the question \"" + asked + "\"",
                    "ask one of " + spec.questions().stream().map(Question::text).toList());
        }
        try (Model subject = ctx.runtime().load(subjectDir);
                Model decoder = ctx.runtime().load(dir.resolve("checkpoint"))) {
            float[] act = new ActivationReader(subject, spec.readHook()).read(prompt);
            String answer = new Decoder(decoder, spec).answer(q, act);
            ctx.out().println(q.text() + " " + answer);
        }
        return 0;
    }
}
