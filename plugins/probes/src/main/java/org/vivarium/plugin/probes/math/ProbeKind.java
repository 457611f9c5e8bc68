package org.vivarium.plugin.probes.math;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;

/** The kinds of probe this plugin fits: two linear ones and a nonlinear MLP. */
public enum ProbeKind {
    /** L2-regularised logistic regression on standardized features. */
    LOGISTIC,
    /** Difference of class means, thresholded at the midpoint of the projected means. */
    DIFFMEAN,
    /** A one-hidden-layer MLP (the host's Deeplearning4j), early-stopped on a validation split of the training prompts. */
    MLP;

    /**
     * Returns the lowercase name used on the command line, in files and in feature ids.
     *
     * @return e.g. {@code logistic}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@code --kind} value: {@code logistic}, {@code diffmean}, {@code mlp}, {@code both} (the two linear
     * kinds) or {@code all}.
     *
     * @param text the value as typed
     * @return the selected kinds, in declaration order
     * @throws VivariumException for any other value
     */
    public static List<ProbeKind> parseSelection(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("both")) {
            return List.of(LOGISTIC, DIFFMEAN);
        }
        if (t.equals("all")) {
            return List.of(values());
        }
        for (ProbeKind k : values()) {
            if (k.id().equals(t)) {
                return List.of(k);
            }
        }
        throw new VivariumException("unknown probe kind \"" + text + "\"",
                "use --kind logistic, diffmean, mlp, both or all (valid: "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", both or all)");
    }
}
