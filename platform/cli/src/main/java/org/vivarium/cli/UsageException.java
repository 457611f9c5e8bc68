package org.vivarium.cli;

import org.vivarium.api.VivariumException;

/** Wrong arguments for a command: shown as one {@code error:} line with the usage; the launcher exits with 2. */
public class UsageException extends VivariumException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem what is wrong, e.g. {@code plugin install needs a FILE}
     * @param usage the synopsis to show, e.g. {@code viv plugin install FILE}
     */
    public UsageException(String problem, String usage) {
        super(problem, "usage: " + (usage.startsWith("viv ") ? usage : "viv " + usage));
    }
}
