package org.vivarium.plugin.latentqa.decoder;

import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.latentqa.qa.QaFormat;
import org.vivarium.plugin.latentqa.qa.Question;

/**
 * A trained decoder answering questions about one activation at a time: the question prompt is decoded greedily
 * with the rescaled activation added at the placeholder ({@code Hook.add(injectHook, v, 1).atPositions(0)}, the same
 * addition the fine-tune made), up to the first line end.
 *
 * <pre>{@code
 * Decoder d = new Decoder(decoderModel, spec);
 * String answer = d.answer(Question.PERSONA, reader.read(prompt));   // e.g. "harmful"
 * }</pre>
 */
public final class Decoder {
    private final Model model;
    private final DecoderSpec spec;
    private final HookName inject;

    /**
     * Wraps a loaded decoder.
     *
     * @param model the decoder model (not closed here)
     * @param spec its spec
     * @throws VivariumException if the model lacks the injection hook
     */
    public Decoder(Model model, DecoderSpec spec) {
        this.model = model;
        this.spec = spec;
        this.inject = HookName.parse(spec.injectHook(), model.config());
    }

    /** @return the spec */
    public DecoderSpec spec() {
        return spec;
    }

    /**
     * Answers a question about an activation.
     *
     * @param q the question
     * @param activation the subject's activation at {@link DecoderSpec#readHook()}
     * @return the generated answer line (usually one of the question's answers, but free text)
     * @throws VivariumException if the activation's width is not the decoder's
     */
    public String answer(Question q, float[] activation) {
        int width = model.config().dModel();
        if (activation.length != width) {
            throw new VivariumException("the activation has width " + activation.length + " but the decoder reads "
                    + width, "read the subject at " + spec.readHook() + " with a model of d_model " + width);
        }
        int[] prompt = model.tokenizer().encode(q.prompt());
        Hook add = Hook.add(inject, spec.injected(activation), 1f).atPositions(QaFormat.POSITION);
        int[] out = model.generate(prompt, GenerationOptions.greedy(q.longestAnswer() + 2), List.of(add));
        int[] fresh = java.util.Arrays.copyOfRange(out, prompt.length, out.length);
        return QaFormat.answerLine(model.tokenizer().decode(fresh));
    }
}
