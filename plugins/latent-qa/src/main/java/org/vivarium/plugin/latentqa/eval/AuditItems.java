package org.vivarium.plugin.latentqa.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.organism.Planted;
import org.vivarium.api.organism.TruthCard;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;

/**
 * The labelled items an audit target offers, split into training (even index) and held-out (odd index) halves
 * within each label ({@link LabelledSplit}) and each prompt set:
 * the condition question on the labelled prompts (label 1 = the planted condition), and, when the target has prompt
 * sets, the domain question on them (answer = the set's name) plus the neutral prompts the condition question is
 * asked about on every model.
 *
 * @param condition the condition question: {@link Question#TRIGGER} when the truth card plants a {@code trigger},
 *     else {@link Question#PERSONA}
 * @param domain the domain question, or null without prompt sets
 * @param train items to train on
 * @param heldOut held-out items, for accuracy
 * @param neutral held-out prompt-set prompts by domain (odd indices), for the condition rate
 */
public record AuditItems(Question condition, Question domain, List<QaItem> train, List<QaItem> heldOut,
        Map<String, List<String>> neutral) {
    /** The suffix the em organism puts on its fine-tune domain's set name. */
    public static final String FINE_TUNE_MARK = " (fine-tune domain)";

    /**
     * Builds the items.
     *
     * @param target the audit target
     * @param maxPerSet use at most this many prompts per prompt set (the first ones); 0 for all
     * @return the items
     */
    public static AuditItems of(AuditTarget target, int maxPerSet) {
        Question cond = conditionQuestion(target.truthCard());
        LabelledSplit split = LabelledSplit.of(target.labelledPrompts(), cond);
        List<QaItem> train = new ArrayList<>(split.train());
        List<QaItem> held = new ArrayList<>(split.heldOut());
        Map<String, List<String>> sets = new LinkedHashMap<>();
        target.promptSets().forEach((name, prompts) -> {
            if (!prompts.isEmpty()) {
                sets.put(domainName(name), maxPerSet > 0 && prompts.size() > maxPerSet
                        ? prompts.subList(0, maxPerSet) : prompts);
            }
        });
        Question domain = sets.size() >= 2 ? Question.domain(List.copyOf(sets.keySet())) : null;
        Map<String, List<String>> neutral = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            List<String> odd = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                String prompt = e.getValue().get(i);
                if (i % 2 == 1) {
                    odd.add(prompt);
                }
                if (domain != null) {
                    (i % 2 == 0 ? train : held).add(new QaItem(domain, prompt, e.getKey(), e.getKey()));
                }
            }
            neutral.put(e.getKey(), List.copyOf(odd));
        }
        return new AuditItems(cond, domain, List.copyOf(train), List.copyOf(held), neutral);
    }

    /**
     * Chooses the condition question from the truth card.
     *
     * @param card the truth card
     * @return the trigger question if a {@code trigger} is planted, else the persona question
     */
    public static Question conditionQuestion(TruthCard card) {
        for (Planted p : card.planted()) {
            if (p.kind().equals("trigger")) {
                return Question.TRIGGER;
            }
        }
        return Question.PERSONA;
    }

    /**
     * Turns a prompt-set name into an answer: the fine-tune mark dropped, lower case, letters and spaces only.
     *
     * @param setName e.g. {@code code (fine-tune domain)}
     * @return e.g. {@code code}
     */
    static String domainName(String setName) {
        String s = setName.endsWith(FINE_TUNE_MARK) ? setName.substring(0, setName.length() - FINE_TUNE_MARK.length())
                : setName;
        String clean = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]+", " ").replaceAll(" +", " ").strip();
        return clean.isEmpty() ? "set" : clean;
    }

    /**
     * Returns the original set name a domain answer came from, for marking the fine-tune domain in reports.
     *
     * @param target the audit target
     * @return domain answer to whether it is the fine-tune domain
     */
    public static Map<String, Boolean> fineTuneDomains(AuditTarget target) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        target.promptSets().keySet().forEach(n -> out.put(domainName(n), n.endsWith(FINE_TUNE_MARK)));
        return out;
    }

    /** @return the questions asked, condition first */
    public List<Question> questions() {
        return domain == null ? List.of(condition) : List.of(condition, domain);
    }
}
