package org.vivarium.organisms.score;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.Model;

/**
 * Generates continuations of prompts (optionally under hooks) and measures a meter's rate on them.
 *
 * @param model the model
 * @param generation decoding settings
 */
public record BehaviourRate(Model model, GenerationOptions generation) {
    /**
     * Continues every prompt.
     *
     * @param prompts prompts
     * @param hooks hooks applied at every step
     * @return the generated text after each prompt
     */
    public List<String> continuations(List<String> prompts, List<Hook> hooks) {
        List<int[]> ids = new ArrayList<>(prompts.size());
        for (String p : prompts) {
            ids.add(model.tokenizer().encode(p));
        }
        List<String> out = new ArrayList<>(prompts.size());
        for (int[] g : model.generateAll(ids, generation, hooks)) {
            out.add(model.tokenizer().decode(g));
        }
        return out;
    }

    /**
     * Measures a rate.
     *
     * @param meter the meter
     * @param prompts prompts
     * @param hooks hooks
     * @return the fraction of continuations the meter flags
     */
    public double rate(BehaviourMeter meter, List<String> prompts, List<Hook> hooks) {
        return meter.rate(prompts, continuations(prompts, hooks));
    }
}
