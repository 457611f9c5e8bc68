package org.vivarium.plugin.sae.dash;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.ContextRecord;

/**
 * Adds every latent's top contexts to the host's context index as feature {@code sae/L<layer>/<latent>},
 * so {@code viv search "doctor"} finds the features firing on a text and
 * {@code viv search "feature:sae/L1/812 AND advice"} narrows to one feature.
 */
public final class ContextPublisher {
    /** When to add contexts to the index. */
    public enum Mode {
        /**
         * Replace: delete the contexts an earlier publication put in for these features (same feature prefix, run
         * and hook, so a retrained SAE's latents never mix with the old ones), then add.
         */
        AUTO,
        /** Add alongside whatever the index holds (a second run adds duplicates). */
        ALWAYS,
        /** Never add. */
        NEVER;

        /**
         * Parses {@code auto}, {@code always} or {@code never}.
         *
         * @param text the text
         * @return the mode
         */
        public static Mode parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new VivariumException("unknown --index mode \"" + text + "\"", "use auto, always or never");
            }
        }
    }

    private ContextPublisher() {
    }

    /**
     * Builds the records of every latent's contexts.
     *
     * @param cards the latents
     * @param model the model name
     * @param run the cached run id
     * @param hook the hook
     * @param layer the hook's layer
     * @return the records, latent by latent, strongest first
     */
    static List<ContextRecord> records(List<LatentCard> cards, String model, String run, String hook, int layer) {
        List<ContextRecord> out = new ArrayList<>();
        for (LatentCard c : cards) {
            for (ContextView v : c.contexts()) {
                if (v.spanEnd() > v.spanStart()) {
                    out.add(new ContextRecord(c.feature(), v.text(), v.spanStart(), v.spanEnd(), v.activation(), model,
                            run, hook, layer));
                }
            }
        }
        return out;
    }

    /**
     * Publishes the records.
     *
     * @param index the host's index, if any
     * @param records the records
     * @param featurePrefix e.g. {@code sae/L1}
     * @param run the run id
     * @param hook the hook the SAE reads
     * @param mode when to add
     * @param out where to say what happened
     * @return the number of records added
     */
    static int publish(Optional<ContextIndex> index, List<ContextRecord> records, String featurePrefix, String run,
            String hook, Mode mode, PrintStream out) {
        if (mode == Mode.NEVER) {
            out.println("contexts not added to the context index (--index never)");
            return 0;
        }
        if (index.isEmpty()) {
            out.println("context index not available in this host; contexts are in dashboards.json only");
            return 0;
        }
        long replaced = 0;
        try {
            if (mode == Mode.AUTO) {
                replaced = index.get().replace("feature:" + featurePrefix + "/* AND run:" + run + " AND hook:" + hook,
                        records);
            } else {
                index.get().add(records);
                index.get().commit();
            }
        } catch (VivariumException e) {
            out.println("could not add contexts to the context index (" + e.getMessage() + ")");
            return 0;
        }
        if (replaced > 0) {
            out.printf("replaced %,d earlier contexts of %s/* from run %s (pass --index always to keep them)%n",
                    replaced, featurePrefix, run);
        }
        out.printf("added %,d contexts to the context index (search e.g. feature:%s/* or a word)%n", records.size(),
                featurePrefix);
        return records.size();
    }
}
