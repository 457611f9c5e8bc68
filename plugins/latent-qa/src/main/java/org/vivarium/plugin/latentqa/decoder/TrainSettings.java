package org.vivarium.plugin.latentqa.decoder;

import org.vivarium.api.train.AdapterSpec;

/**
 * How a decoder is fine-tuned and where the activation goes in.
 *
 * @param injectHook the decoder hook the activation is added at (position 0)
 * @param scale the injected norm as a multiple of the decoder's own norm there
 * @param adapter full fine-tuning or LoRA
 * @param steps optimizer steps
 * @param batchSize examples per step
 * @param learningRate peak learning rate
 * @param seed the seed (batch order, adapter initialisation)
 */
public record TrainSettings(String injectHook, float scale, AdapterSpec adapter, int steps, int batchSize,
        double learningRate, long seed) {
    /** The default injection site: the input of the first block (the embeddings), so every block can read it. */
    public static final String DEFAULT_INJECT_HOOK = "blocks.0.hook_resid_pre";

    /** @return full fine-tuning, 400 steps of 16 at 1e-3, injection at the first block's input, scale 1, seed 1 */
    public static TrainSettings defaults() {
        return new TrainSettings(DEFAULT_INJECT_HOOK, 1f, AdapterSpec.full(), 400, 16, 1e-3, 1);
    }

    /**
     * Returns a copy with other knobs.
     *
     * @param newSteps steps
     * @param newLr learning rate
     * @param newSeed seed
     * @return the copy
     */
    public TrainSettings with(int newSteps, double newLr, long newSeed) {
        return new TrainSettings(injectHook, scale, adapter, newSteps, batchSize, newLr, newSeed);
    }

    /**
     * Returns a copy with another injection.
     *
     * @param hook the injection hook
     * @param newScale the scale
     * @return the copy
     */
    public TrainSettings injecting(String hook, float newScale) {
        return new TrainSettings(hook, newScale, adapter, steps, batchSize, learningRate, seed);
    }
}
