package org.vivarium.launcher.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelRuntime;

/**
 * Loads the comparison checkpoints an organism names (e.g. its base and control models) for an audit: for the
 * auditors, or host-side for the scorer only.
 */
final class ComparisonModels {
    private ComparisonModels() {
    }

    /**
     * Loads every comparison checkpoint; on failure closes those already loaded.
     *
     * @param runtime the runtime
     * @param runDir the organism's run directory
     * @param checkpoints role to checkpoint directory relative to the run directory (e.g. the organism's
     *     {@link org.vivarium.organisms.AuditExtras#comparisonCheckpoints()})
     * @return role to model, in the organism's order; the caller closes them
     * @throws VivariumException if a checkpoint is missing, naming it and how to make it
     */
    static Map<String, Model> load(ModelRuntime runtime, Path runDir, Map<String, String> checkpoints) {
        Map<String, Model> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Path> e : paths(runDir, checkpoints).entrySet()) {
                Path p = e.getValue();
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
     * @param checkpoints role to checkpoint directory relative to the run directory
     * @return role to directory, in the organism's order
     */
    static Map<String, Path> paths(Path runDir, Map<String, String> checkpoints) {
        Map<String, Path> out = new LinkedHashMap<>();
        checkpoints.forEach((role, rel) -> out.put(role, runDir.resolve(rel)));
        return out;
    }
}
