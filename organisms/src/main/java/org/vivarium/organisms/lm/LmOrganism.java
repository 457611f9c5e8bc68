package org.vivarium.organisms.lm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.train.TrainerSettings;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.ReportFiles;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.organisms.training.OrganismTrainer;
import org.vivarium.report.table.Table;

/**
 * A small character-level transformer language model on real English (State of the Union addresses
 * embedded in the jar, or {@code --corpus FILE}). Its truth card asks that it beats count-based
 * unigram and bigram models on held-out text; its activations feed SAEs and the context index.
 */
public final class LmOrganism implements Organism {
    /** Context length in characters. */
    public static final int CONTEXT = 128;
    /** Largest character vocabulary kept. */
    public static final int MAX_VOCAB = 96;
    /** Fraction of the text held out for validation (the end of the corpus). */
    public static final double VALIDATION = 0.05;

    @Override
    public String name() {
        return "lm";
    }

    @Override
    public String summary() {
        return "2-layer character-level LM on real English (State of the Union 1990-2021, embedded)";
    }

    @Override
    public int defaultSteps() {
        return 1500;
    }

    static ModelConfig modelConfig(int vocab) {
        return new ModelConfig(2, 128, 4, 32, 512, vocab, CONTEXT, ActFn.GELU, false, Normalization.PRE,
                Positional.LEARNED);
    }

    @Override
    public TruthCard truthCard() {
        return new TruthCard("lm", "Trained from scratch on characters of real English text; the last "
                + (int) (VALIDATION * 100) + "% of the corpus is held out.",
                List.of(new Planted("language-model", ClaimKind.BEHAVIOUR, "whole model",
                        "held-out loss below a count-based bigram model fitted on the same training text.",
                        Map.of("validation_loss_below", "bigram_cross_entropy"))));
    }

    private static Corpus corpus(Map<String, String> options) {
        String file = options.get("corpus");
        return file == null || file.startsWith("embedded:") ? Corpus.embedded() : Corpus.fromFile(Path.of(file));
    }

    @Override
    public TrainOutcome train(TrainRequest req, OrganismContext ctx) {
        Corpus c = corpus(req.options());
        CharTokenizer tok = CharTokenizer.fromCorpus(c.text(), MAX_VOCAB);
        int[] ids = tok.encode(c.text());
        int split = (int) (ids.length * (1 - VALIDATION));
        int steps = req.steps() > 0 ? req.steps() : defaultSteps();
        TrainerSettings tc = new TrainerSettings(steps, 16, 2e-3f, 0.1f, Math.min(100, Math.max(1, steps / 10)), 0.05f,
                0.9f, 0.99f, 1e-8f, 1.0f, req.seed(), Math.max(100, steps / 4));
        TextWindows data = new TextWindows(ids, 0, split, CONTEXT, req.seed(), c.sha256());
        ctx.out().printf("corpus %s: %,d characters, vocabulary %d%n", c.name(), c.text().length(), tok.vocabSize());
        return new OrganismTrainer("organism/lm", modelConfig(tok.vocabSize()), tc, data, tok,
                Map.of("corpus", c.name(), "validation_fraction", String.valueOf(VALIDATION)))
                .run(req.out(), req.resume(), ctx);
    }

    @Override
    public CheckResult check(Model model, Path dir, OrganismContext ctx) {
        Corpus c = corpus(Map.of("corpus", model.provenance().settings().getOrDefault("data.corpus", "embedded:")));
        int[] ids = model.tokenizer().encode(c.text());
        int split = (int) (ids.length * (1 - VALIDATION));
        TextWindows val = new TextWindows(ids, split, ids.length, CONTEXT, 0, c.sha256());
        int[][] windows = val.sequential(64);
        double loss = 0;
        for (int i = 0; i < windows.length; i += 16) {
            int[][] chunk = java.util.Arrays.copyOfRange(windows, i, Math.min(windows.length, i + 16));
            for (float l : model.loss(chunk, List.of())) {
                loss += l;
            }
        }
        loss /= windows.length;
        NgramBaselines base = NgramBaselines.measure(ids, split, model.config().dVocab());
        String prompt = "The state of our Union is";
        int[] gen = model.generate(model.tokenizer().encode(prompt), new GenerationOptions(160, 0.7f, 0, 1), List.of());
        String sample = model.tokenizer().decode(gen);
        ReportFiles r = new ReportFiles("Language-model organism check", truthCard());
        r.finding(loss < base.bigram(), String.format("held-out loss %.3f nats/char (%.3f bits/char) vs bigram %.3f"
                + " and unigram %.3f", loss, loss / Math.log(2), base.bigram(), base.unigram()));
        r.metric("validation_loss", loss).metric("bigram_loss", base.bigram()).metric("unigram_loss", base.unigram());
        r.table("Held-out cross-entropy (nats per character)", Table.of("model", "loss", "bits/char")
                .row("unigram", base.unigram(), base.unigram() / Math.log(2))
                .row("bigram", base.bigram(), base.bigram() / Math.log(2))
                .row("this model", loss, loss / Math.log(2)));
        r.image("loss.png", "training loss");
        r.json("sample", sample);
        r.json("provenance", model.provenance());
        Path md = r.write(dir);
        ctx.out().println("sample: " + sample.replace('\n', ' '));
        return new CheckResult(name(), r.passed(), r.findings(), r.metrics(), md);
    }
}
