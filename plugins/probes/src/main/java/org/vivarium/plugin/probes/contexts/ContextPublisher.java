package org.vivarium.plugin.probes.contexts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.ContextScope;

/**
 * Saves the contexts to {@code contexts.tsv} and, when the host provides a {@link ContextIndex} service,
 * adds them to the index too so {@code viv search} finds them (e.g. {@code feature:probe/logistic@*}). A re-fit
 * replaces the contexts an earlier fit of the same probes on the same model and run put there.
 */
public final class ContextPublisher {
    private ContextPublisher() {
    }

    /**
     * Publishes the contexts and prints one line saying where they went.
     *
     * @param index the host's context index, if any
     * @param contexts the contexts
     * @param outDir the output directory
     * @param out where to print the line
     * @return whether the contexts reached the index
     */
    public static boolean publish(Optional<ContextIndex> index, List<ProbeContext> contexts, Path outDir,
            PrintStream out) {
        ContextsTsv.write(outDir.resolve(ContextsTsv.FILE), contexts);
        if (index.isEmpty()) {
            out.println("context index not available in this host; contexts saved to " + ContextsTsv.FILE);
            return false;
        }
        long replaced;
        try {
            List<ContextRecord> records = contexts.stream().map(ProbeContext::record).toList();
            replaced = records.isEmpty() ? 0 : index.get().replace(ContextScope.sameFeatures(records), records);
        } catch (VivariumException e) {
            out.println("could not add contexts to the context index (" + e.getMessage() + "); contexts saved to "
                    + ContextsTsv.FILE);
            return false;
        }
        out.println("added " + contexts.size() + " contexts to the context index (search feature:probe/*)"
                + (replaced > 0 ? ", replacing " + replaced + " from an earlier fit of these probes on this run" : "")
                + "; also saved to " + ContextsTsv.FILE);
        return true;
    }
}
