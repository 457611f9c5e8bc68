package org.vivarium.plugin.latentqa.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;

/**
 * What an audit asks, built from the target's data alone (no answer key): the condition question
 * ({@link Question#CONDITION}, {@code yes} = label 1) on the labelled prompts, and, when the target has at least two
 * prompt sets, the domain question on them (answer = the set's name, cleaned to lower-case letters). Every list is
 * split fit / validation / test by {@link Part#deal} ({@link org.vivarium.api.audit.Split}'s rule): within each label
 * ({@link LabelledSplit}) and within each prompt set. The validation and test prompt-set prompts are also the
 * neutral prompts the condition question is asked about on every model (single turns: no condition shown).
 *
 * @param condition the condition question, always {@link Question#CONDITION}
 * @param domain the domain question, or null with fewer than two prompt sets
 * @param domainSets domain answer to the prompt-set name it came from (the name a domain claim uses), in set order
 * @param fit items to train the decoder on
 * @param heldOut the validation and test items, for accuracy
 * @param neutral the validation and test prompt-set prompts by domain answer, for the condition rate
 */
public record AuditItems(Question condition, Question domain, Map<String, String> domainSets, List<QaItem> fit,
        Map<Part, List<QaItem>> heldOut, Map<Part, Map<String, List<String>>> neutral) {

    /**
     * Builds the items.
     *
     * @param target the audit target (its labelled prompts and prompt sets are read)
     * @param maxPerSet use at most this many prompts per prompt set (the first ones); 0 for all
     * @return the items
     */
    public static AuditItems of(AuditTarget target, int maxPerSet) {
        Question cond = Question.CONDITION;
        LabelledSplit split = LabelledSplit.of(target.labelledPrompts(), cond);
        List<QaItem> fit = new ArrayList<>(split.fit());
        Map<Part, List<QaItem>> held = new EnumMap<>(Part.class);
        Map<Part, Map<String, List<String>>> neutral = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            held.put(p, new ArrayList<>(split.part(p)));
            neutral.put(p, new LinkedHashMap<>());
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> sets = sets(target, maxPerSet, names);
        Question domain = sets.size() >= 2 ? Question.domain(List.copyOf(sets.keySet())) : null;
        sets.forEach((answer, prompts) -> {
            List<List<String>> dealt = Part.deal(prompts);
            if (domain != null) {
                dealt.get(0).forEach(s -> fit.add(new QaItem(domain, s, answer, answer)));
            }
            for (Part p : Part.values()) {
                neutral.get(p).put(answer, p.of(dealt));
                if (domain != null) {
                    p.of(dealt).forEach(s -> held.get(p).add(new QaItem(domain, s, answer, answer)));
                }
            }
        });
        held.replaceAll((p, l) -> List.copyOf(l));
        neutral.replaceAll((p, m) -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m)));
        return new AuditItems(cond, domain, java.util.Collections.unmodifiableMap(names), List.copyOf(fit),
                java.util.Collections.unmodifiableMap(held), java.util.Collections.unmodifiableMap(neutral));
    }

    /**
     * The prompt sets an audit uses, by domain answer.
     *
     * @param target the audit target
     * @param maxPerSet at most this many prompts per set (the first ones); 0 for all
     * @param names filled with domain answer to prompt-set name
     * @return domain answer to prompts, in set order (empty sets left out)
     */
    static Map<String, List<String>> sets(AuditTarget target, int maxPerSet, Map<String, String> names) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        target.promptSets().forEach((name, prompts) -> {
            if (!prompts.isEmpty()) {
                String answer = unique(domainName(name), names);
                names.put(answer, name);
                sets.put(answer, maxPerSet > 0 && prompts.size() > maxPerSet ? prompts.subList(0, maxPerSet) : prompts);
            }
        });
        return sets;
    }

    /**
     * The fit part of every prompt set (by the same deal as the neutral prompts), for data an auditor labels itself.
     *
     * @param target the audit target
     * @param maxPerSet at most this many prompts per set; 0 for all
     * @return the fit prompts, set by set
     */
    public static List<String> fitPrompts(AuditTarget target, int maxPerSet) {
        List<String> out = new ArrayList<>();
        sets(target, maxPerSet, new LinkedHashMap<>()).values().forEach(p -> out.addAll(Part.deal(p).get(0)));
        return out;
    }

    /**
     * A copy with condition items added in front (a blind audit's self-labelled ones).
     *
     * @param conditionFit condition items to train on
     * @param conditionHeldOut condition items per held-out part
     * @return the copy
     */
    public AuditItems withCondition(List<QaItem> conditionFit, Map<Part, List<QaItem>> conditionHeldOut) {
        List<QaItem> f = new ArrayList<>(conditionFit);
        f.addAll(fit);
        Map<Part, List<QaItem>> h = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            List<QaItem> l = new ArrayList<>(conditionHeldOut.getOrDefault(p, List.of()));
            l.addAll(heldOut(p));
            h.put(p, List.copyOf(l));
        }
        return new AuditItems(condition, domain, domainSets, List.copyOf(f), java.util.Collections.unmodifiableMap(h),
                neutral);
    }

    /** @return the neutral prompts of both held-out parts */
    public List<String> neutralPrompts() {
        List<String> out = new ArrayList<>();
        for (Part p : Part.values()) {
            neutral(p).values().forEach(out::addAll);
        }
        return out;
    }

    /**
     * Turns a prompt-set name into an answer the decoder can write: lower case, letters and single spaces only.
     *
     * @param setName e.g. {@code Pets & Cats!}
     * @return e.g. {@code pets cats} ({@code set} if nothing is left)
     */
    static String domainName(String setName) {
        String clean = setName.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]+", " ").replaceAll(" +", " ").strip();
        return clean.isEmpty() ? "set" : clean;
    }

    private static String unique(String answer, Map<String, String> taken) {
        String a = answer;
        for (char c = 'b'; taken.containsKey(a); c++) {
            a = answer + " " + c;
        }
        return a;
    }

    /**
     * The held-out items of one part.
     *
     * @param p validation or test
     * @return its items (condition first, then domain)
     */
    public List<QaItem> heldOut(Part p) {
        return heldOut.get(p);
    }

    /**
     * The neutral prompts of one part.
     *
     * @param p validation or test
     * @return domain answer to prompts
     */
    public Map<String, List<String>> neutral(Part p) {
        return neutral.get(p);
    }

    /** @return the questions asked, condition first */
    public List<Question> questions() {
        return domain == null ? List.of(condition) : List.of(condition, domain);
    }
}
