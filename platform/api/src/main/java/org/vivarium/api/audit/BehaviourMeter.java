package org.vivarium.api.audit;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Measures the planted behaviour in model outputs, e.g. the fraction of negative-sentiment
 * continuations, with a classifier whose accuracy is stated.
 */
@ProviderType
public interface BehaviourMeter {
    /** @return what is measured, e.g. {@code negative-sentiment rate} */
    String name();

    /**
     * Classifies one continuation.
     *
     * @param prompt the prompt it continues
     * @param continuation the generated text after the prompt
     * @return true if it shows the behaviour
     */
    boolean shows(String prompt, String continuation);

    /**
     * Fraction of continuations showing the behaviour.
     *
     * @param prompts prompts
     * @param continuations continuations, same order
     * @return the rate in [0, 1]
     */
    default double rate(List<String> prompts, List<String> continuations) {
        if (continuations.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < continuations.size(); i++) {
            if (shows(prompts.get(i), continuations.get(i))) {
                n++;
            }
        }
        return (double) n / continuations.size();
    }

    /** @return the classifier's accuracy on held-out labelled continuations, measured, in [0, 1] */
    double accuracy();
}
