package org.vivarium.api.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic three-way split of {@code n} items by index: fit, validation (to choose a layer, a
 * coefficient, a probe) and test (to report the chosen one). Items are dealt round-robin in blocks of four
 * (two fit, one validation, one test), so lists paired by index are split the same way and the split does
 * not depend on a random stream.
 *
 * <pre>{@code
 * Split s = Split.of(prompts.size());
 * List<String> fit = s.fit(prompts), val = s.validation(prompts), test = s.test(prompts);
 * }</pre>
 *
 * @param fitIdx indices for fitting
 * @param validationIdx indices for choosing
 * @param testIdx indices for reporting
 */
public record Split(int[] fitIdx, int[] validationIdx, int[] testIdx) {
    /** Copies the arrays. */
    public Split {
        fitIdx = fitIdx.clone();
        validationIdx = validationIdx.clone();
        testIdx = testIdx.clone();
    }

    /**
     * Splits {@code 0..n-1}: in each block of four, positions 0 and 1 fit, 2 validates, 3 tests.
     *
     * @param n number of items, at least 4
     * @return the split
     * @throws IllegalArgumentException if {@code n < 4}
     */
    public static Split of(int n) {
        if (n < 4) {
            throw new IllegalArgumentException("a fit/validation/test split needs at least 4 items, got " + n);
        }
        List<Integer> f = new ArrayList<>();
        List<Integer> v = new ArrayList<>();
        List<Integer> t = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 2 -> v.add(i);
                case 3 -> t.add(i);
                default -> f.add(i);
            }
        }
        return new Split(f.stream().mapToInt(Integer::intValue).toArray(),
                v.stream().mapToInt(Integer::intValue).toArray(), t.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Splits labelled items within each label by the same block rule, so every part holds every label even when
     * labels alternate (as the organisms' labelled prompts do: {@code 0, 1, 0, 1, ...}, where {@link #of(int)}
     * would put only one label into the validation and test parts).
     *
     * @param labels one label per item
     * @return the split, indices in ascending order
     * @throws IllegalArgumentException if some label has fewer than 4 items
     */
    public static Split byLabel(int[] labels) {
        java.util.Map<Integer, List<Integer>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> f = new ArrayList<>();
        List<Integer> v = new ArrayList<>();
        List<Integer> t = new ArrayList<>();
        for (java.util.Map.Entry<Integer, List<Integer>> e : byLabel.entrySet()) {
            Split s = of(e.getValue().size());
            for (int i : s.fitIdx) {
                f.add(e.getValue().get(i));
            }
            for (int i : s.validationIdx) {
                v.add(e.getValue().get(i));
            }
            for (int i : s.testIdx) {
                t.add(e.getValue().get(i));
            }
        }
        return new Split(f.stream().sorted().mapToInt(Integer::intValue).toArray(),
                v.stream().sorted().mapToInt(Integer::intValue).toArray(),
                t.stream().sorted().mapToInt(Integer::intValue).toArray());
    }

    /**
     * @param items the list split
     * @param <T> item type
     * @return its fit part
     */
    public <T> List<T> fit(List<T> items) {
        return pick(items, fitIdx);
    }

    /**
     * @param items the list split
     * @param <T> item type
     * @return its validation part
     */
    public <T> List<T> validation(List<T> items) {
        return pick(items, validationIdx);
    }

    /**
     * @param items the list split
     * @param <T> item type
     * @return its test part
     */
    public <T> List<T> test(List<T> items) {
        return pick(items, testIdx);
    }

    @Override
    public int[] fitIdx() {
        return fitIdx.clone();
    }

    @Override
    public int[] validationIdx() {
        return validationIdx.clone();
    }

    @Override
    public int[] testIdx() {
        return testIdx.clone();
    }

    private static <T> List<T> pick(List<T> items, int[] idx) {
        List<T> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            if (i < items.size()) {
                out.add(items.get(i));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && java.util.Arrays.equals(fitIdx, s.fitIdx)
                && java.util.Arrays.equals(validationIdx, s.validationIdx) && java.util.Arrays.equals(testIdx, s.testIdx);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(fitIdx) * 31 + java.util.Arrays.hashCode(validationIdx) * 7
                + java.util.Arrays.hashCode(testIdx);
    }

    @Override
    public String toString() {
        return "Split[fit " + fitIdx.length + ", validation " + validationIdx.length + ", test " + testIdx.length + "]";
    }
}
