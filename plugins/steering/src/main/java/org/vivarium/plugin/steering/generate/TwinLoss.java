package org.vivarium.plugin.steering.generate;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.extract.PromptTokens;

/**
 * A fluency score for continuations produced under an intervention: the unsteered model's loss on each
 * continuation placed after the prompt's twin from the other condition. An intervention that changes the
 * behaviour is scored against text where that behaviour is expected (steered-negative text after the
 * triggered twin, ablated-positive text after the clean twin), so only disfluency raises the loss.
 */
public final class TwinLoss {
    private TwinLoss() {
    }

    /**
     * Scores continuations after their twins.
     *
     * @param model the model, run without hooks
     * @param continuations continuations of the original prompts
     * @param twins each prompt's twin, in the same order
     * @return nats per generated token, or NaN if the lists do not pair up
     */
    public static double of(Model model, List<Continuation> continuations, List<String> twins) {
        if (twins.size() != continuations.size() || twins.isEmpty()) {
            return Double.NaN;
        }
        List<Continuation> moved = new ArrayList<>();
        for (int i = 0; i < continuations.size(); i++) {
            Continuation c = continuations.get(i);
            moved.add(new Continuation(PromptTokens.encode(model, twins.get(i)), c.generated(), c.text()));
        }
        return ContinuationLoss.of(model, moved);
    }
}
