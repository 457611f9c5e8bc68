package org.vivarium.api.model;

/** How an ablation hook replaces an activation. */
public enum AblationMode {
    /** Set the selected entries to zero. */
    ZERO,
    /** Set each selected entry to its mean over the batch and the selected positions of this run. */
    MEAN
}
