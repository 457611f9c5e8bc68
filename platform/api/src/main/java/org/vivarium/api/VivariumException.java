package org.vivarium.api;

/**
 * A failure the user can act on: it names the problem and the fix in one line.
 *
 * <p>The command line prints {@link #getMessage()} as a single {@code error:} line and never a stack
 * trace. Throw it for bad input (missing file, malformed config, unknown hook name) rather than for
 * programming errors.
 */
public class VivariumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String fix;

    /**
     * Creates an exception from a problem statement and the fix to suggest.
     *
     * @param problem what went wrong, e.g. {@code "checkpoint runs/x has no config.json"}
     * @param fix what the user should do, e.g. {@code "train one with 'viv organism train induction'"}
     */
    public VivariumException(String problem, String fix) {
        this(problem, fix, null);
    }

    /**
     * Creates an exception from a problem statement, the fix to suggest and the underlying cause.
     *
     * @param problem what went wrong
     * @param fix what the user should do
     * @param cause the underlying exception, kept for logs; may be {@code null}
     */
    public VivariumException(String problem, String fix, Throwable cause) {
        super(fix == null || fix.isBlank() ? problem : problem + " — " + fix, cause);
        this.problem = problem;
        this.fix = fix;
    }

    /**
     * Returns what went wrong.
     *
     * @return the problem statement
     */
    public String problem() {
        return problem;
    }

    /**
     * Returns what the user should do about it.
     *
     * @return the suggested fix, possibly empty
     */
    public String fix() {
        return fix == null ? "" : fix;
    }
}
