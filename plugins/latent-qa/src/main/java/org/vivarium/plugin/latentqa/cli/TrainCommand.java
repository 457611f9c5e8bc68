package org.vivarium.plugin.latentqa.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.plugin.latentqa.decoder.Decoder;
import org.vivarium.plugin.latentqa.decoder.DecoderRun;
import org.vivarium.plugin.latentqa.decoder.DecoderTrainer;
import org.vivarium.plugin.latentqa.decoder.QaExample;
import org.vivarium.plugin.latentqa.decoder.TrainSettings;
import org.vivarium.plugin.latentqa.eval.LabelledSplit;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.plugin.latentqa.read.ActivationReader;
import org.vivarium.plugin.latentqa.read.ReadSite;

/**
 * {@code viv latent-qa train}: reads the subject's last-token activations on labelled prompts, fine-tunes a decoder
 * on the fit part of each label to answer one question, and reports its accuracy on the rest (the validation and test
 * parts of {@link LabelledSplit}; nothing is chosen here, so both are held out).
 */
public final class TrainCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.path("subject", "CKPT", "the model whose activations are read"),
            CommandOption.path("data", "FILE.tsv", "'label<TAB>text' lines"),
            CommandOption.path("out", "DIR", "where the decoder is written"),
            CommandOption.path("init", "CKPT", "the decoder's starting weights (default: the subject)"),
            CommandOption.text("question", "TEXT", "the question the decoder answers"),
            CommandOption.list("answers", "A,B", "the answers, one per label"),
            CommandOption.integer("layer", "L", "layer read, -1 for the last", Integer.MIN_VALUE, Integer.MAX_VALUE),
            CommandOption.text("inject", "HOOK", "where the activation is injected"),
            CommandOption.number("scale", "X", "injection scale, above 0", Double.MIN_VALUE, Double.MAX_VALUE),
            CommandOption.integer("steps", "N", "training steps", 1, 1_000_000),
            CommandOption.integer("batch", "N", "batch size", 1, 4096),
            CommandOption.number("lr", "X", "learning rate, above 0", Double.MIN_VALUE, Double.MAX_VALUE),
            CommandOption.integer("seed", "N", "random seed", 0, Long.MAX_VALUE),
            CommandOption.integer("rank", "R", "LoRA rank, 0 for full fine-tuning", 0, 1024),
            CommandOption.list("targets", "GLOBS", "LoRA target weights"));

    /** The usage line. */
    public static final String USAGE = "--subject CKPT --data FILE.tsv --out DIR [--init CKPT]"
            + " [--question \"which persona?\"] [--answers harmful,helpful] [--layer -1] [--inject "
            + TrainSettings.DEFAULT_INJECT_HOOK + "] [--scale 1] [--steps 400] [--batch 16] [--lr 1e-3] [--seed 1]"
            + " [--rank 0 --targets blocks.*.mlp.W_out]";

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "fine-tune a decoder that answers a question about a model's activations";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        a.noPositionals();
        Path subjectDir = a.requirePath("subject", ctx.workDir());
        Path out = a.requirePath("out", ctx.workDir());
        Path init = a.path("init", ctx.workDir()).orElse(subjectDir);
        List<LabelledPrompt> data = LabelledTsv.read(a.requirePath("data", ctx.workDir()));
        String text = a.get("question", Question.PERSONA.text());
        String key = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Question q = new Question(key.isEmpty() ? "q" : key, text, a.getList("answers", Question.PERSONA.answers()));
        if (q.answers().size() != 2) {
            throw new VivariumException("--answers needs exactly two answers (label 1, then label 0), got "
                    + q.answers(), "usage: viv latent-qa train " + USAGE);
        }
        int rank = a.getInt("rank", 0);
        AdapterSpec adapter = rank == 0 ? AdapterSpec.full()
                : AdapterSpec.lora(rank, rank, a.getList("targets", List.of("blocks.*.mlp.W_out")));
        TrainSettings d = TrainSettings.defaults();
        TrainSettings s = new TrainSettings(a.get("inject", d.injectHook()), (float) a.getDouble("scale", d.scale()),
                adapter, a.getInt("steps", d.steps()), a.getInt("batch", d.batchSize()),
                a.getDouble("lr", d.learningRate()), a.getLong("seed", d.seed()));

        try (Model subject = ctx.runtime().load(subjectDir)) {
            ActivationReader reader = new ActivationReader(subject,
                    ReadSite.residPost(subject.config(), a.getInt("layer", -1)));
            LabelledSplit split = LabelledSplit.of(data, q);
            List<QaItem> train = split.fit();
            List<QaItem> held = split.heldOut();
            List<QaExample> examples = new ArrayList<>();
            try (Progress p = ctx.progress("reading activations", train.size(), "prompt")) {
                for (QaItem it : train) {
                    examples.add(new QaExample(it, reader.read(it.prompt())));
                    p.advance(1);
                }
            }
            DecoderRun run;
            try (Progress p = ctx.progress("fine-tuning the decoder", s.steps(), "step")) {
                run = new DecoderTrainer(ctx.runtime(), ctx.fineTuner()).train(init, reader.hook(), examples, s, out,
                        "latent-qa/train", p);
            }
            ctx.out().printf(Locale.ROOT, "decoder written to %s (reads %s, injects at %s); completion loss %.3f ->"
                    + " %.3f%n", out, reader.hook(), run.spec().injectHook(), run.fineTune().firstLoss(),
                    run.fineTune().lastLoss());
            if (!held.isEmpty()) {
                int hits = 0;
                try (Model dm = ctx.runtime().load(run.checkpoint())) {
                    Decoder dec = new Decoder(dm, run.spec());
                    for (QaItem it : held) {
                        hits += dec.answer(q, reader.read(it.prompt())).equals(it.answer()) ? 1 : 0;
                    }
                }
                ctx.out().printf(Locale.ROOT, "held-out accuracy on '%s': %.3f (%d/%d; chance 0.5)%n", q.text(),
                        (double) hits / held.size(), hits, held.size());
            }
        }
        return 0;
    }
}
