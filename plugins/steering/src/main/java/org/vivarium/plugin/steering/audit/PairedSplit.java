package org.vivarium.plugin.steering.audit;

import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.Split;

/**
 * The audit's prompts split three ways with {@link Split#of}: the fit part fits the directions, the validation
 * part chooses the site and coefficient, the test part reports the chosen one. Positive (condition-present)
 * and negative (condition-absent) prompts are paired by index, so both lists are split by the same indices and
 * a prompt's twin from the other condition lands in the same part.
 *
 * @param split the index split (over the longer list)
 * @param positives all condition-present prompts
 * @param negatives all condition-absent prompts
 * @param max at most this many validation and test prompts per set are continued (bounds the run time)
 */
public record PairedSplit(Split split, List<String> positives, List<String> negatives, int max) {
    /** Copies the lists. */
    public PairedSplit {
        positives = List.copyOf(positives);
        negatives = List.copyOf(negatives);
    }

    /**
     * Splits paired prompt lists.
     *
     * @param positives condition-present prompts
     * @param negatives condition-absent prompts, paired by index
     * @param max cap on continued validation and test prompts per set, at least 1
     * @return the split
     * @throws VivariumException if either list has fewer than 4 prompts (every part needs one)
     */
    public static PairedSplit of(List<String> positives, List<String> negatives, int max) {
        int min = Math.min(positives.size(), negatives.size());
        if (min < 4) {
            throw new VivariumException("the steering audit got " + positives.size() + " condition-present and "
                    + negatives.size() + " condition-absent prompts; it needs at least 4 of each (fit, validation "
                    + "and test parts)", "give the organism's audit data at least 4 paired prompts per set");
        }
        return new PairedSplit(Split.of(Math.max(positives.size(), negatives.size())), positives, negatives,
                Math.max(1, max));
    }

    /** @return condition-present prompts of the fit part (all of them) */
    public List<String> fitPositives() {
        return split.fit(positives);
    }

    /** @return condition-absent prompts of the fit part (all of them) */
    public List<String> fitNegatives() {
        return split.fit(negatives);
    }

    /** @return condition-present prompts of the validation part, at most {@link #max()} */
    public List<String> validationPositives() {
        return cap(split.validation(positives));
    }

    /** @return condition-absent prompts of the validation part, at most {@link #max()} */
    public List<String> validationNegatives() {
        return cap(split.validation(negatives));
    }

    /** @return condition-present prompts of the test part, at most {@link #max()} */
    public List<String> testPositives() {
        return cap(split.test(positives));
    }

    /** @return condition-absent prompts of the test part, at most {@link #max()} */
    public List<String> testNegatives() {
        return cap(split.test(negatives));
    }

    /** @return the number of index pairs split */
    public int size() {
        return Math.max(positives.size(), negatives.size());
    }

    private List<String> cap(List<String> l) {
        return l.subList(0, Math.min(max, l.size()));
    }
}
