package org.vivarium.plugin.latentqa.decoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.FineTuner;
import org.vivarium.api.train.Injection;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.plugin.latentqa.qa.QaFormat;
import org.vivarium.plugin.latentqa.qa.Question;

/**
 * Fine-tunes a decoder through the platform {@link FineTuner}: one example per labelled activation, prompt
 * {@code # q: QUESTION a:}, completion {@code " ANSWER\n"}, the activation (rescaled, see {@link DecoderSpec}) added
 * at the placeholder. The decoder starts from a checkpoint with the subject's width and tokenizer (normally the
 * subject's base model) and is written with its {@value DecoderSpecFile#FILE}.
 */
public final class DecoderTrainer {
    private final ModelRuntime runtime;
    private final FineTuner fineTuner;

    /**
     * Creates a trainer.
     *
     * @param runtime loads the initial checkpoint to measure the placeholder norm
     * @param fineTuner the platform fine-tuning service
     */
    public DecoderTrainer(ModelRuntime runtime, FineTuner fineTuner) {
        this.runtime = runtime;
        this.fineTuner = fineTuner;
    }

    /**
     * Trains a decoder.
     *
     * @param init the checkpoint the decoder starts from
     * @param readHook the subject hook the activations were read at (recorded in the spec)
     * @param data labelled activations
     * @param s the training settings
     * @param out the decoder directory to write
     * @param recipe the provenance recipe name, e.g. {@code latent-qa/em}
     * @param progress one unit per step
     * @return the trained decoder
     * @throws VivariumException if there is no data, an activation's width is not the decoder's, or the decoder's
     *     tokenizer cannot write a question
     */
    public DecoderRun train(Path init, String readHook, List<QaExample> data, TrainSettings s, Path out, String recipe,
            Progress progress) {
        if (data.isEmpty()) {
            throw new VivariumException("no labelled activations to train a decoder on",
                    "give at least one labelled prompt per answer");
        }
        List<Question> questions = new ArrayList<>();
        data.forEach(e -> {
            if (!questions.contains(e.item().question())) {
                questions.add(e.item().question());
            }
        });
        DecoderSpec spec;
        try (Model m = runtime.load(init)) {
            String hook = HookName.parse(s.injectHook(), m.config()).path();
            for (Question q : questions) {
                QaFormat.requireEncodable(m.tokenizer(), q);
            }
            int width = m.config().dModel();
            for (QaExample e : data) {
                if (e.activation().length != width) {
                    throw new VivariumException("activations have width " + e.activation().length
                            + " but the decoder checkpoint " + init + " has d_model " + width,
                            "start the decoder from a checkpoint of the subject's width (its base model)");
                }
            }
            spec = new DecoderSpec(readHook, hook, InjectionScale.placeholderNorm(m, hook), s.scale(), questions);
        }
        List<TrainingExample> examples = new ArrayList<>(data.size());
        for (QaExample e : data) {
            Question q = e.item().question();
            examples.add(new TrainingExample(q.prompt(), QaFormat.completion(e.item().answer()),
                    List.of(new Injection(spec.injectHook(), QaFormat.POSITION, spec.injected(e.activation())))));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("read_hook", readHook);
        settings.put("inject_hook", spec.injectHook());
        settings.put("inject_scale", String.valueOf(s.scale()));
        settings.put("target_norm", String.valueOf(spec.targetNorm()));
        settings.put("questions", String.join(",", questions.stream().map(Question::key).toList()));
        FineTuneResult r = fineTuner.fineTune(new FineTuneRequest(init, examples, s.adapter(), s.steps(), s.batchSize(),
                s.learningRate(), s.seed(), out, recipe, settings), progress);
        DecoderSpecFile.write(out, spec);
        return new DecoderRun(out, spec, r);
    }
}
