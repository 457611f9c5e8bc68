package org.vivarium.launcher.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.vivarium.api.VivariumException;

/**
 * The one-line error policy: every failure reaches the user as a single {@code error: ...} line, with
 * the stack trace only under {@code --debug}.
 */
public final class ErrorReporter {

    private ErrorReporter() {
    }

    /**
     * Prints a failure and picks the exit code.
     *
     * @param failure what was thrown
     * @param err the error stream
     * @param debug whether to print the stack trace too
     * @return {@link ExitCodes#USAGE} for usage errors, otherwise {@link ExitCodes#ERROR}
     */
    public static int report(Throwable failure, PrintStream err, boolean debug) {
        Throwable t = unwrap(failure);
        if (debug) {
            t.printStackTrace(err);
        }
        err.println(line(t, debug));
        err.flush();
        return t instanceof UsageException ? ExitCodes.USAGE : ExitCodes.ERROR;
    }

    /**
     * Formats a failure as the single line the user sees.
     *
     * @param failure what was thrown
     * @param debug whether the stack trace is printed as well (then no hint is added)
     * @return e.g. {@code error: IllegalStateException: boom — run with --debug for the stack trace}
     */
    public static String line(Throwable failure, boolean debug) {
        Throwable t = unwrap(failure);
        if (t instanceof VivariumException) {
            return "error: " + oneLine(t.getMessage());
        }
        String message = t.getMessage() == null || t.getMessage().isBlank()
                ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + oneLine(t.getMessage());
        return "error: " + message + (debug ? "" : " — run with --debug for the stack trace");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof InvocationTargetException || t instanceof ExecutionException
                || t instanceof CompletionException || t instanceof UndeclaredThrowableException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
