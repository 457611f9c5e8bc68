package org.vivarium.plugin.lorainterp.contexts;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.ContextScope;

/**
 * Adds contexts to the host's context index, when there is one, and says in one line what happened; running again
 * replaces the contexts an earlier run put in for the same features, model and run.
 */
public final class ContextPublisher {
    private ContextPublisher() {
    }

    /**
     * Publishes the contexts.
     *
     * @param index the host's context index, if any
     * @param contexts the records
     * @param out where to print the line
     * @return a one-line account (also printed)
     */
    public static String publish(Optional<ContextIndex> index, List<ContextRecord> contexts, PrintStream out) {
        String line;
        if (contexts.isEmpty()) {
            line = "no input-direction contexts to index";
        } else if (index.isEmpty()) {
            line = "context index not available in this host; " + contexts.size() + " contexts not indexed";
        } else {
            try {
                long replaced = index.get().replace(ContextScope.sameFeatures(contexts), contexts);
                line = "added " + contexts.size() + " contexts to the context index (search feature:lora/*)"
                        + (replaced > 0 ? ", replacing " + replaced + " from an earlier run on this adapter" : "");
            } catch (VivariumException e) {
                line = "could not add contexts to the context index: " + e.getMessage();
            }
        }
        out.println(line);
        return line;
    }
}
