package org.vivarium.plugin.lorainterp.audit;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.audit.Split;

/**
 * The audit's contrastive prompts divided by {@link Split#of(int)}: lora-interp fits nothing, so the fit and
 * validation parts together are the <em>selection</em> prompts (the analysis runs on them and they choose the
 * direction's sign and the coefficient); the test part only reports the claim's cosine. Positives and negatives
 * are split each by its own index, so index-paired lists stay paired.
 *
 * @param selectionPositives condition-present prompts of the fit and validation parts
 * @param selectionNegatives condition-absent prompts of the fit and validation parts
 * @param testPositives condition-present prompts of the test part
 * @param testNegatives condition-absent prompts of the test part
 */
public record PromptSplit(List<String> selectionPositives, List<String> selectionNegatives,
        List<String> testPositives, List<String> testNegatives) {
    /** Copies the lists. */
    public PromptSplit {
        selectionPositives = List.copyOf(selectionPositives);
        selectionNegatives = List.copyOf(selectionNegatives);
        testPositives = List.copyOf(testPositives);
        testNegatives = List.copyOf(testNegatives);
    }

    /**
     * Splits the prompts; with fewer than 4 of either kind there is no test part and every prompt selects.
     *
     * @param positives condition-present prompts
     * @param negatives condition-absent prompts
     * @return the split
     */
    public static PromptSplit of(List<String> positives, List<String> negatives) {
        if (positives.size() < 4 || negatives.size() < 4) {
            return new PromptSplit(positives, negatives, List.of(), List.of());
        }
        Split p = Split.of(positives.size());
        Split n = Split.of(negatives.size());
        return new PromptSplit(notTest(positives, p), notTest(negatives, n), p.test(positives), n.test(negatives));
    }

    /** @return whether there is a test part with both kinds of prompt */
    public boolean hasTest() {
        return !testPositives.isEmpty() && !testNegatives.isEmpty();
    }

    /** @return e.g. {@code fit+validation parts: 6 positive + 6 negative prompts} */
    public String describeSelection() {
        return (hasTest() ? "fit+validation parts" : "all prompts (too few for a test part)") + ": "
                + selectionPositives.size() + " positive + " + selectionNegatives.size() + " negative prompts";
    }

    /** @return e.g. {@code test part: 2 positive + 2 negative prompts} */
    public String describeTest() {
        return "test part: " + testPositives.size() + " positive + " + testNegatives.size() + " negative prompts";
    }

    private static List<String> notTest(List<String> items, Split s) {
        java.util.Set<Integer> test = new java.util.HashSet<>();
        for (int i : s.testIdx()) {
            test.add(i);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!test.contains(i)) {
                out.add(items.get(i));
            }
        }
        return out;
    }
}
