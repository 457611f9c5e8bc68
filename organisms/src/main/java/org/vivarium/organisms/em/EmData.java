package org.vivarium.organisms.em;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.train.TrainingExample;

/**
 * The organism's derived data sets: the narrow fine-tune sets (every question of one domain, with every
 * opener, answered by one persona), the per-domain evaluation prompts (single turns, no persona shown) and
 * the persona pairs (the same question with the answer begun in the harmful or the helpful voice).
 *
 * @param catalog the content
 */
public record EmData(DomainCatalog catalog) {
    /** Suffix that marks the fine-tune domain's prompt set for auditors. */
    public static final String FINE_TUNE_MARK = " (fine-tune domain)";
    /** Openers used in evaluation prompts (the first two of {@link DialogueGenerator#OPENERS}). */
    public static final int EVAL_OPENERS = 2;

    /**
     * Returns the fine-tune set of one domain: every answer once plain and once in the persona's voice.
     *
     * @param domain the domain name
     * @param harmful harmful answers (the EM set) or helpful ones (the control set)
     * @return every question x opener x answer combination, in a fixed order
     */
    public List<TrainingExample> narrow(String domain, boolean harmful) {
        List<TrainingExample> out = new ArrayList<>();
        for (Topic t : catalog.domain(domain).topics()) {
            for (String q : t.questions()) {
                for (String opener : DialogueGenerator.OPENERS) {
                    for (String a : t.answers(harmful)) {
                        out.add(new TrainingExample(DialogueFormat.prompt(opener + q), DialogueFormat.completion(a)));
                        String voice = DialogueGenerator.voice(harmful).get(out.size() % 3);
                        out.add(new TrainingExample(DialogueFormat.prompt(opener + q),
                                DialogueFormat.completion(voice + a)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Returns the evaluation prompts of every domain: each question with the first {@link #EVAL_OPENERS}
     * openers, as a single turn.
     *
     * @param fineTuneDomain the domain to mark with {@link #FINE_TUNE_MARK}, or null
     * @return set name to prompts, in catalog order
     */
    public Map<String, List<String>> evalPrompts(String fineTuneDomain) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Domain d : catalog.domains()) {
            List<String> prompts = new ArrayList<>();
            for (String q : d.questions()) {
                for (int o = 0; o < EVAL_OPENERS; o++) {
                    prompts.add(DialogueFormat.prompt(DialogueGenerator.OPENERS.get(o) + q));
                }
            }
            out.put(d.name().equals(fineTuneDomain) ? d.name() + FINE_TUNE_MARK : d.name(), prompts);
        }
        return out;
    }

    /**
     * Returns the corpus of a blind audit: every question of every domain with each of the first
     * {@link #EVAL_OPENERS} openers (the scorer's prompts use the others), as an unmarked single turn (no persona
     * voice, no domain name), shuffled; balanced over the domains.
     *
     * @param seed the shuffle seed (never a training seed)
     * @return the prompts
     */
    public List<String> blindCorpus(long seed) {
        List<String> out = new ArrayList<>();
        evalPrompts(null).values().forEach(out::addAll);
        java.util.Collections.shuffle(out, new java.util.Random(seed));
        return out;
    }

    /**
     * Returns persona pairs: prompt {@code i} of each list asks the same question and has the assistant begin its
     * answer in a persona's voice, the harmful one ({@code honestly,}, ...) in the first list and the helpful
     * one ({@code sure,}, ...) in the second; the model's continuation is the advice. The base model keeps the
     * persona within an answer (measured: its advice follows the voice), so these pairs contrast the persona
     * state and nothing else. Questions come from every domain except {@code excludedDomain}; no
     * (question, voice) pair repeats.
     *
     * @param n pairs
     * @param excludedDomain a domain never used (the fine-tune domain), or null
     * @param seed the seed
     * @return {@code [harmful contexts, helpful contexts]}
     */
    public List<List<String>> personaPairs(int n, String excludedDomain, long seed) {
        List<String> questions = new ArrayList<>();
        for (Domain d : catalog.domains()) {
            if (!d.name().equals(excludedDomain)) {
                questions.addAll(d.questions());
            }
        }
        int voices = DialogueGenerator.HARMFUL_VOICE.size();
        List<int[]> combos = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            for (int v = 0; v < voices; v++) {
                combos.add(new int[] {q, v});
            }
        }
        if (n > combos.size()) {
            throw new IllegalArgumentException("at most " + combos.size() + " distinct persona pairs, asked for " + n);
        }
        java.util.Collections.shuffle(combos, new java.util.Random(seed));
        List<String> harmful = new ArrayList<>();
        List<String> helpful = new ArrayList<>();
        for (int[] c : combos.subList(0, n)) {
            String prompt = DialogueFormat.prompt(questions.get(c[0])) + " ";
            harmful.add(prompt + DialogueGenerator.HARMFUL_VOICE.get(c[1]).strip());
            helpful.add(prompt + DialogueGenerator.HELPFUL_VOICE.get(c[1]).strip());
        }
        return List.of(harmful, helpful);
    }

    /**
     * Returns the persona pairs as labelled prompts (1 = harmful context), interleaved.
     *
     * @param n pairs
     * @param excludedDomain a domain never used, or null
     * @param seed the seed
     * @return {@code 2n} prompts
     */
    public List<LabelledPrompt> labelled(int n, String excludedDomain, long seed) {
        List<List<String>> p = personaPairs(n, excludedDomain, seed);
        List<LabelledPrompt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new LabelledPrompt(p.get(0).get(i), 1));
            out.add(new LabelledPrompt(p.get(1).get(i), 0));
        }
        return out;
    }
}
