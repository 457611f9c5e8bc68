package org.vivarium.plugin.probes.report;

import org.vivarium.api.provenance.Provenance;
import org.vivarium.plugin.probes.fit.FitSettings;

/**
 * Where a probe fit came from: enough to re-run it.
 *
 * @param checkpoint the checkpoint directory that was loaded
 * @param modelName a short model name (the run or checkpoint directory name)
 * @param model the checkpoint's own provenance (recipe, seed, data hash, code version)
 * @param dataFile the labelled prompt file
 * @param dataSha256 hash of the prompt file, {@code sha256:HEX}
 * @param prompts number of prompts
 * @param settings the fit settings
 * @param createdAt ISO-8601 instant of the fit
 */
public record FitProvenance(String checkpoint, String modelName, Provenance model, String dataFile,
        String dataSha256, int prompts, FitSettings settings, String createdAt) {
}
