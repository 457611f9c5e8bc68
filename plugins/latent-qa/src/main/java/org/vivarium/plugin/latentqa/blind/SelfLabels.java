package org.vivarium.plugin.latentqa.blind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.plugin.latentqa.eval.Part;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;

/**
 * Condition data labelled by a platform meter instead of an answer key: each sampled answer is {@code yes} when the
 * meter {@link BehaviourMeter#shows shows} the behaviour in it. The meter is the first of the target's meters (in
 * their order) under which the fit answers hold at least {@link SelfLabelSettings#minPerLabel()} of each label.
 * The fit answers keep every answer and balance the labels by repeating the rarer label's answers (so the decoder
 * sees each label equally often and no answer is wasted); the validation and test answers are balanced by dropping a
 * seeded random choice of the commoner label's answers (so an accuracy of 0.5 is chance).
 *
 * @param meter the meter used (the first one offered when none is trainable)
 * @param available per meter in order, {@code {yes, no}} counts of the fit answers
 * @param fit the fit answers with their labels (all of them, unbalanced; {@link #fitItems()} balances)
 * @param heldOut the balanced validation and test answers with their labels
 * @param trainable whether some meter gives enough of both labels
 * @param settings the sampling settings and the minimum per label
 * @param sampledBy the role of the model whose answers were labelled
 */
public record SelfLabels(String meter, Map<String, int[]> available, List<Labelled> fit,
        Map<Part, List<Labelled>> heldOut, boolean trainable, SelfLabelSettings settings, String sampledBy) {

    /**
     * One labelled answer.
     *
     * @param sample the answer
     * @param yes whether the meter shows the behaviour in it
     */
    public record Labelled(Sample sample, boolean yes) {
        QaItem item() {
            String a = Question.CONDITION.answerFor(yes ? 1 : 0);
            return new QaItem(Question.CONDITION, sample.context(), a, a);
        }
    }

    /**
     * Labels the samples.
     *
     * @param meters the target's meters, in order (at least one)
     * @param fit the fit answers
     * @param validation the validation answers
     * @param test the test answers
     * @param settings the least of each label a meter must give on fit, and how the answers were sampled
     * @param seed chooses which answers of the commoner label are dropped
     * @param sampledBy the role of the model that answered
     * @return the labels
     */
    public static SelfLabels of(Map<String, BehaviourMeter> meters, List<Sample> fit, List<Sample> validation,
            List<Sample> test, SelfLabelSettings settings, long seed, String sampledBy) {
        if (meters.isEmpty()) {
            throw new IllegalArgumentException("self-labelling needs at least one meter");
        }
        int minPerLabel = settings.minPerLabel();
        Map<String, int[]> available = new LinkedHashMap<>();
        BehaviourMeter chosen = null;
        for (BehaviourMeter m : meters.values()) {
            int yes = (int) fit.stream().filter(s -> m.shows(s.prompt(), s.answer())).count();
            available.put(m.name(), new int[] {yes, fit.size() - yes});
            if (chosen == null && Math.min(yes, fit.size() - yes) >= minPerLabel) {
                chosen = m;
            }
        }
        boolean trainable = chosen != null;
        BehaviourMeter m = trainable ? chosen : meters.values().iterator().next();
        Map<Part, List<Labelled>> held = new EnumMap<>(Part.class);
        held.put(Part.VALIDATION, balanced(label(m, validation), seed + 1));
        held.put(Part.TEST, balanced(label(m, test), seed + 2));
        return new SelfLabels(m.name(), Collections.unmodifiableMap(available), label(m, fit),
                Collections.unmodifiableMap(held), trainable, settings, sampledBy);
    }

    private static List<Labelled> label(BehaviourMeter m, List<Sample> samples) {
        return samples.stream().map(s -> new Labelled(s, m.shows(s.prompt(), s.answer()))).toList();
    }

    /** Keeps every answer of the rarer label and as many of the commoner one, chosen at random; order kept. */
    static List<Labelled> balanced(List<Labelled> all, long seed) {
        List<Integer> yes = new ArrayList<>();
        List<Integer> no = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (all.get(i).yes() ? yes : no).add(i);
        }
        List<Integer> common = yes.size() > no.size() ? yes : no;
        int keep = Math.min(yes.size(), no.size());
        Collections.shuffle(common, new Random(seed));
        List<Integer> kept = new ArrayList<>(common.subList(0, keep));
        kept.addAll(common == yes ? no : yes);
        Collections.sort(kept);
        return kept.stream().map(all::get).toList();
    }

    /**
     * The fit condition items: every cut of every fit answer's start, the rarer label's answers repeated (in order,
     * cycling) until both labels have as many answers.
     *
     * @return the items, answer by answer
     */
    public List<QaItem> fitItems() {
        List<Labelled> yes = fit.stream().filter(Labelled::yes).toList();
        List<Labelled> no = fit.stream().filter(l -> !l.yes()).toList();
        List<Labelled> rare = yes.size() < no.size() ? yes : no;
        List<Labelled> all = new ArrayList<>(fit);
        for (int i = 0; !rare.isEmpty() && i < Math.abs(yes.size() - no.size()); i++) {
            all.add(rare.get(i % rare.size()));
        }
        List<QaItem> out = new ArrayList<>();
        for (Labelled l : all) {
            String a = Question.CONDITION.answerFor(l.yes() ? 1 : 0);
            l.sample().contexts().forEach(c -> out.add(new QaItem(Question.CONDITION, c, a, a)));
        }
        return out;
    }

    /**
     * The condition items of a list.
     *
     * @param labelled labelled answers
     * @return one condition item per answer, context = prompt + answer start
     */
    public static List<QaItem> items(List<Labelled> labelled) {
        return labelled.stream().map(Labelled::item).toList();
    }

    /** @return {@code yes} and {@code no} counts of the fit answers (before balancing) */
    public int[] fitCounts() {
        int yes = (int) fit.stream().filter(Labelled::yes).count();
        return new int[] {yes, fit.size() - yes};
    }

    /** @return how the labels were made, for evidence lines */
    public String evidence() {
        return String.format(Locale.ROOT, "condition labels: the meter '%s' on the %s model's answers sampled at"
                + " temperature %s (no answer key; %d fit answers, accuracy on the validation / test prompts'"
                + " answers); every model read on the prompt plus the first %d tokens of its own sampled answers"
                + " (%d per neutral prompt)", meter, sampledBy, settings.temperature(), fit.size(),
                settings.answerTokens(), settings.heldOutSamples());
    }

    /** @return a paragraph for the report: counts per meter and what was used */
    public String describe() {
        StringBuilder sb = new StringBuilder("Blind audit: no labelled prompts, so the condition data is labelled by a"
                + " platform meter. Fit answers sampled from the " + sampledBy + " model and the meter's labels"
                + " (yes / no) per meter: ");
        int i = 0;
        for (Map.Entry<String, int[]> e : available.entrySet()) {
            sb.append(i++ == 0 ? "" : ", ").append('\'').append(e.getKey()).append("' ").append(e.getValue()[0])
                    .append(" / ").append(e.getValue()[1]);
        }
        int[] used = fitCounts();
        sb.append(String.format(Locale.ROOT, " (%d answers per fit prompt, temperature %s). At least %d of each label"
                + " are needed. ", settings.fitSamples(), settings.temperature(), settings.minPerLabel()));
        if (!trainable) {
            return sb.append("No meter gives that: the condition question is not trainable, and no claim is made.")
                    .toString();
        }
        sb.append("Used: '").append(meter).append("': ").append(used[0]).append(" yes and ").append(used[1])
                .append(String.format(Locale.ROOT, " no for fit (the rarer label's answers repeated to balance; each"
                + " answer's start cut at %d lengths up to %d tokens, one item each)", settings.fitCuts(),
                settings.answerTokens()));
        sb.append(String.format(Locale.ROOT, "; held-out answers (%d per validation / test prompt), balanced by"
                + " dropping answers of the commoner label:", settings.heldOutSamples()));
        for (Part p : Part.values()) {
            long y = heldOut.get(p).stream().filter(Labelled::yes).count();
            sb.append(p == Part.VALIDATION ? " " : ", ").append(y).append(" + ").append(heldOut.get(p).size() - y).append(" for ").append(p.id());
        }
        return sb.append(String.format(Locale.ROOT, ". The decoder reads the prompt plus the answer's first %d tokens;"
                + " on the neutral prompts every model is read on its own sampled answers.", settings.answerTokens()))
                .toString();
    }
}
