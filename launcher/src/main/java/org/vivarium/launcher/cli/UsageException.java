package org.vivarium.launcher.cli;

/**
 * Wrong arguments for a launcher command: shown as one {@code error:} line with the usage; exit code 2 (like every
 * {@link org.vivarium.cli.UsageException}, which option parsing throws).
 */
public class UsageException extends org.vivarium.cli.UsageException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem what is wrong, e.g. {@code plugin install needs a FILE}
     * @param usage the synopsis to show, e.g. {@code viv plugin install FILE}
     */
    public UsageException(String problem, String usage) {
        super(problem, usage);
    }
}
