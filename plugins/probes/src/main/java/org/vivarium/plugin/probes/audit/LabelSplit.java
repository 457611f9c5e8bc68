package org.vivarium.plugin.probes.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.Split;

/**
 * The audit's fit / validation / test split of labelled prompts: {@link Split#of(int)} applied to each label's
 * prompts separately (in their order), so every part holds both labels. The organisms interleave their labelled
 * prompts ({@code 0, 1, 0, 1, ...}); {@code Split.of(n)} on the whole list would deal every validation prompt to
 * one label and every test prompt to the other.
 *
 * <pre>{@code
 * LabelSplit s = LabelSplit.of(labels);
 * int[] fit = s.fit(), validation = s.validation(), test = s.test();
 * }</pre>
 *
 * @param fit prompt indices to fit on, ascending
 * @param validation prompt indices to choose on, ascending
 * @param test prompt indices to report on, ascending
 */
record LabelSplit(int[] fit, int[] validation, int[] test) {
    /** The fewest prompts of each label the split accepts (one block of {@link Split}). */
    static final int MIN_PER_LABEL = 4;

    LabelSplit {
        fit = fit.clone();
        validation = validation.clone();
        test = test.clone();
    }

    /**
     * Splits prompts by label.
     *
     * @param labels 0 or 1 per prompt
     * @return the split
     * @throws VivariumException if a label has fewer than {@value #MIN_PER_LABEL} prompts or a label is not 0/1
     */
    static LabelSplit of(int[] labels) {
        List<List<Integer>> byLabel = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new VivariumException("labelled prompt " + i + " has label " + labels[i] + ", not 0 or 1",
                        "label condition-present prompts 1 and condition-absent prompts 0");
            }
            byLabel.get(labels[i]).add(i);
        }
        List<Integer> fit = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int label = 0; label < 2; label++) {
            List<Integer> members = byLabel.get(label);
            if (members.size() < MIN_PER_LABEL) {
                throw new VivariumException("the probes audit got " + members.size() + " prompts labelled " + label
                        + " (of " + labels.length + ")", "give the audit target at least " + MIN_PER_LABEL
                        + " labelled prompts of each label (dozens for a reliable probe)");
            }
            Split s = Split.of(members.size());
            fit.addAll(s.fit(members));
            validation.addAll(s.validation(members));
            test.addAll(s.test(members));
        }
        return new LabelSplit(sorted(fit), sorted(validation), sorted(test));
    }

    @Override
    public int[] fit() {
        return fit.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    /**
     * Picks the items of one part.
     *
     * @param items all items, indexed like the labels
     * @param part indices of one part
     * @param <T> item type
     * @return the part's items, in index order
     */
    static <T> List<T> pick(List<T> items, int[] part) {
        List<T> out = new ArrayList<>(part.length);
        for (int i : part) {
            out.add(items.get(i));
        }
        return out;
    }

    private static int[] sorted(List<Integer> list) {
        int[] out = list.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSplit s && Arrays.equals(fit, s.fit) && Arrays.equals(validation, s.validation)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fit) * 31 + Arrays.hashCode(validation) * 7 + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "LabelSplit[fit " + fit.length + ", validation " + validation.length + ", test " + test.length + "]";
    }
}
