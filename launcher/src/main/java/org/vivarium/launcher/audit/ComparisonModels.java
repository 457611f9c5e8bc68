package org.vivarium.launcher.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.AuditExtras;
import org.vivarium.runtime.DjlModelRuntime;

/** Loads the comparison checkpoints an organism names (e.g. its base and control models) for an audit. */
final class ComparisonModels {
    private ComparisonModels() {
    }

    /**
     * Loads every comparison checkpoint; on failure closes those already loaded.
     *
     * @param runtime the runtime
     * @param runDir the organism's run directory
     * @param extras the organism's audit extras
     * @return role to model, in the organism's order; the caller closes them
     * @throws VivariumException if a checkpoint is missing, naming it and how to make it
     */
    static Map<String, Model> load(DjlModelRuntime runtime, Path runDir, AuditExtras extras) {
        Map<String, Model> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> e : extras.comparisonCheckpoints().entrySet()) {
                Path p = paths(runDir, extras).get(e.getKey());
                if (!Files.isDirectory(p)) {
                    throw new VivariumException("the run " + runDir + " has no " + e.getKey() + " checkpoint at "
                            + p, "train the whole organism again into that directory with 'viv organism train'");
                }
                out.put(e.getKey(), runtime.load(p));
            }
            return out;
        } catch (RuntimeException e) {
            out.values().forEach(Model::close);
            throw e;
        }
    }

    /**
     * Returns the comparison checkpoint directories.
     *
     * @param runDir the organism's run directory
     * @param extras the organism's audit extras
     * @return role to directory, in the organism's order
     */
    static Map<String, Path> paths(Path runDir, AuditExtras extras) {
        Map<String, Path> out = new LinkedHashMap<>();
        extras.comparisonCheckpoints().forEach((role, rel) -> out.put(role, runDir.resolve(rel)));
        return out;
    }
}
