package org.vivarium.plugin.circuits;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.circuits.induction.AttentionScores;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;

/**
 * The fixture's circuit as its attention patterns show it, independent of what is tested: the layer-0 head with
 * the most previous-token attention and the layer-1 heads that prefix-match (>= 0.3).
 *
 * @param previousToken the previous-token head
 * @param induction the induction heads
 */
public record InductionHeads(HeadRef previousToken, List<HeadRef> induction) {

    /**
     * Reads them off the attention patterns on repeated tokens.
     *
     * @param model the model
     * @param seqs repeated sequences
     * @return the heads
     */
    public static InductionHeads of(Model model, RepeatedSequences seqs) {
        AttentionScores att = AttentionScores.measure(model, seqs);
        int prev = 0;
        List<HeadRef> ind = new ArrayList<>();
        for (int h = 0; h < model.config().nHeads(); h++) {
            if (att.previousToken()[0][h] > att.previousToken()[0][prev]) {
                prev = h;
            }
            if (att.induction()[1][h] >= 0.3) {
                ind.add(new HeadRef(1, h));
            }
        }
        return new InductionHeads(new HeadRef(0, prev), ind);
    }
}
