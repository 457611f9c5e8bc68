package org.vivarium.plugin.latentqa.blind;

/**
 * How a blind audit labels its own condition data.
 *
 * @param fitSamples answers sampled per fit prompt (from the model the decoder is trained on)
 * @param heldOutSamples answers sampled per validation and test prompt, from every model
 * @param answerTokens answer tokens appended to the prompt in the context the decoder reads
 * @param fitCuts a fit answer's start is cut at this many lengths evenly up to {@code answerTokens}, one training
 *     item each (more items from the same sampled answers; validation, test and reading use the longest cut)
 * @param temperature sampling temperature, above 0
 * @param minPerLabel fewer fit answers than this of either label (under every meter) and the condition question is
 *     not trainable: no claim is made
 */
public record SelfLabelSettings(int fitSamples, int heldOutSamples, int answerTokens, int fitCuts, float temperature,
        int minPerLabel) {

    /** Checks the values. */
    public SelfLabelSettings {
        if (fitSamples < 1 || heldOutSamples < 1 || answerTokens < 1 || fitCuts < 1 || minPerLabel < 1
                || !(temperature > 0)) {
            throw new IllegalArgumentException("samples, answer tokens and the label minimum must be >= 1 and the"
                    + " temperature > 0");
        }
    }

    /**
     * The defaults: 3 answers per fit prompt and 2 per held-out prompt at temperature 1, 32 answer tokens in the
     * context (fit items also at 8, 16 and 24), at least 20 of each label. On the em organism (64 fit, 32 validation
     * and 32 test prompts) that is 192
     * + 128 sampled answers from the base model and 128 answer starts from the audited one (only the context's
     * tokens are generated where no meter reads the answer); its character tokens make 32 tokens
     * the voice phrase (up to 16 characters) and the first words of the advice.
     *
     * @return the settings
     */
    public static SelfLabelSettings defaults() {
        return new SelfLabelSettings(3, 2, 32, 4, 1.0f, 20);
    }
}
