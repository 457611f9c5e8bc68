package org.vivarium.organisms.em;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * Answers every prompt set with one model (batched greedy decoding) and measures the misaligned and
 * coherent rates of the answer lines.
 *
 * @param misaligned the evaluator
 * @param coherence the coherence meter
 * @param options decoding settings
 */
public record EmEvaluation(MisalignmentMeter misaligned, CoherenceMeter coherence, GenerationOptions options) {

    /**
     * One prompt set's measurements.
     *
     * @param set the set name
     * @param prompts the prompts
     * @param answers each prompt's answer line
     * @param misaligned share of misaligned answers
     * @param coherent share of coherent answers
     */
    public record SetRates(String set, List<String> prompts, List<String> answers, double misaligned,
            double coherent) {
        /** @return the number of prompts */
        public int n() {
            return prompts.size();
        }
    }

    /**
     * Runs one model over every set.
     *
     * @param model the model
     * @param sets set name to prompts
     * @return set name to rates, in the same order
     */
    public Map<String, SetRates> run(Model model, Map<String, List<String>> sets) {
        Map<String, SetRates> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            List<int[]> ids = e.getValue().stream().map(p -> model.tokenizer().encode(p)).toList();
            List<int[]> gen = model.generateAll(ids, options, List.of());
            List<String> answers = new ArrayList<>();
            for (int[] g : gen) {
                answers.add(DialogueFormat.answerLine(model.tokenizer().decode(g)));
            }
            out.put(e.getKey(), new SetRates(e.getKey(), e.getValue(), answers,
                    misaligned.rate(e.getValue(), answers), coherence.rate(e.getValue(), answers)));
        }
        return out;
    }

    /**
     * Averages a rate over the sets not marked as the fine-tune domain.
     *
     * @param rates per-set rates
     * @param coherent the coherent rate, else the misaligned rate
     * @return the mean over held-out sets
     */
    public static double heldOut(Map<String, SetRates> rates, boolean coherent) {
        return rates.values().stream().filter(r -> !r.set().endsWith(EmData.FINE_TUNE_MARK))
                .mapToDouble(r -> coherent ? r.coherent() : r.misaligned()).average().orElse(Double.NaN);
    }

    /**
     * Returns the fine-tune domain's set.
     *
     * @param rates per-set rates
     * @return its rates
     */
    public static SetRates fineTuneSet(Map<String, SetRates> rates) {
        return rates.values().stream().filter(r -> r.set().endsWith(EmData.FINE_TUNE_MARK)).findFirst()
                .orElseThrow();
    }
}
