package org.vivarium.plugin.probes.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.vivarium.api.VivariumException;

/**
 * A deterministic stratified train/test split: each class is shuffled with the seed and the same
 * fraction of it is held out, so both sides keep the class balance.
 *
 * <pre>{@code
 * StratifiedSplit s = StratifiedSplit.of(labels, 0.25, 1);
 * int[] train = s.train(), test = s.test();
 * }</pre>
 *
 * @param train indices of training examples, ascending
 * @param test indices of held-out examples, ascending
 */
public record StratifiedSplit(int[] train, int[] test) {
    /** The fewest examples of each class a probe can be fitted and tested on. */
    public static final int MIN_PER_CLASS = 4;

    /** Copies the arrays. */
    public StratifiedSplit {
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    /**
     * Splits examples by label.
     *
     * @param labels 0 or 1 per example
     * @param testFraction the share of each class held out, in (0, 1)
     * @param seed the shuffle seed
     * @return the split; every class has at least one test and two training examples
     * @throws VivariumException if the fraction is out of range, a class is missing or has fewer than
     *     {@value #MIN_PER_CLASS} examples
     */
    public static StratifiedSplit of(int[] labels, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new VivariumException("--test-fraction must be between 0 and 1 (exclusive), got " + testFraction,
                    "pass e.g. --test-fraction 0.25");
        }
        List<List<Integer>> byClass = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        int n0 = byClass.get(0).size();
        int n1 = byClass.get(1).size();
        if (n0 == 0 || n1 == 0) {
            throw new VivariumException("only class " + (n0 == 0 ? 1 : 0) + " is present (" + labels.length
                    + " examples)", "a probe needs examples labelled both 0 and 1");
        }
        if (n0 < MIN_PER_CLASS || n1 < MIN_PER_CLASS) {
            throw new VivariumException("too few examples: " + n0 + " labelled 0 and " + n1 + " labelled 1",
                    "give at least " + MIN_PER_CLASS + " examples of each class (dozens for a reliable probe)");
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass) {
            shuffle(members, random);
            int nTest = (int) Math.round(testFraction * members.size());
            nTest = Math.max(1, Math.min(members.size() - 2, nTest));
            test.addAll(members.subList(0, nTest));
            train.addAll(members.subList(nTest, members.size()));
        }
        return new StratifiedSplit(sorted(train), sorted(test));
    }

    private static void shuffle(List<Integer> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static int[] sorted(List<Integer> list) {
        int[] out = list.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }
}
