package org.vivarium.launcher.cli;

/** The process exit codes of {@code viv}. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A failure: bad input, a broken plugin, an unknown command. */
    public static final int ERROR = 1;
    /** Wrong arguments for a known command. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
