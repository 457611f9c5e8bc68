package org.vivarium.api.cache;

/** Whether a cached run finished cleanly. */
public enum RunState {
    /** The writer called {@code finish()}; every batch is present. */
    COMPLETE,
    /**
     * The writer is still open, failed or its process died before {@code finish()}; the batches
     * committed so far are readable, later ones were never committed.
     */
    INCOMPLETE,
    /** Committed data of this run is missing or unreadable on disk; only deleting it helps. */
    DAMAGED
}
