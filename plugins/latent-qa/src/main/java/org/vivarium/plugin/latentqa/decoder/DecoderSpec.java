package org.vivarium.plugin.latentqa.decoder;

import java.util.List;
import org.vivarium.plugin.latentqa.qa.Question;

/**
 * What a trained decoder reads and how the activation goes in; saved beside its checkpoint as
 * {@value DecoderSpecFile#FILE}.
 *
 * <p>The injected vector is the subject's activation rescaled to {@code scale * targetNorm}, where
 * {@code targetNorm} is the norm of the decoder's own activation at {@code injectHook} on the placeholder (position
 * 0) before training: the norm-matched addition of activation-oracle decoders, so the injection is as large as the
 * placeholder's own residual stream whatever the subject layer's scale. Only the activation's direction is read.
 *
 * @param readHook the subject hook read at the last prompt token, e.g. {@code blocks.1.hook_resid_post}
 * @param injectHook the decoder hook the vector is added at, position 0, e.g. {@code blocks.0.hook_resid_pre}
 * @param targetNorm the decoder's own activation norm at {@code injectHook}, position 0
 * @param scale the injected norm as a multiple of {@code targetNorm}
 * @param questions the questions it was trained on
 */
public record DecoderSpec(String readHook, String injectHook, float targetNorm, float scale, List<Question> questions) {
    /** Copies the questions and checks the numbers. */
    public DecoderSpec {
        questions = List.copyOf(questions);
        if (!(targetNorm > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("target norm and scale must be positive");
        }
    }

    /**
     * Rescales a subject activation to the injected norm.
     *
     * @param activation the subject's activation
     * @return {@code activation / |activation| * scale * targetNorm}
     * @throws IllegalArgumentException if the activation is zero
     */
    public float[] injected(float[] activation) {
        double n = 0;
        for (float f : activation) {
            n += (double) f * f;
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot inject a zero activation");
        }
        float k = (float) (scale * targetNorm / Math.sqrt(n));
        float[] out = new float[activation.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = activation[i] * k;
        }
        return out;
    }

    /**
     * Finds a trained question by key or text.
     *
     * @param keyOrText e.g. {@code persona} or {@code which persona?}
     * @return the question, or null
     */
    public Question question(String keyOrText) {
        for (Question q : questions) {
            if (q.key().equals(keyOrText) || q.text().equals(keyOrText)) {
                return q;
            }
        }
        return null;
    }
}
