package org.vivarium.plugin.steering.cli;

/** The fixes the steering commands suggest for bad arguments. */
final class CommandFixes {
    /** For a checkpoint argument that names no directory. */
    static final String CHECKPOINT = "pass a checkpoint or run directory, e.g. one from "
            + "'viv organism train backdoor --out runs/backdoor'";

    private CommandFixes() {
    }
}
