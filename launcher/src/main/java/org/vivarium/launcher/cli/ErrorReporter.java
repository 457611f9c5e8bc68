package org.vivarium.launcher.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vivarium.api.VivariumException;

/**
 * The one-line error policy: every failure reaches the user as a single {@code error: ...} line, with
 * the stack trace only under {@code --debug}.
 */
public final class ErrorReporter {

    /** The most characters of one quoted piece of user input an error line shows. */
    static final int MAX_QUOTED = 300;
    /** The longest error line, not counting {@code error: }. */
    static final int MAX_LINE = 1200;

    private static final Pattern LONG_QUOTE = Pattern.compile("([\"'])([^\"']{" + (MAX_QUOTED + 1) + ",})\\1");

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
        return t instanceof org.vivarium.cli.UsageException ? ExitCodes.USAGE : ExitCodes.ERROR;
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

    /**
     * Joins a message onto one line and caps it: text quoted in {@code "..."} or {@code '...'} (user input such as
     * a prompt) keeps its first {@value #MAX_QUOTED} characters, and a line still longer than {@value #MAX_LINE}
     * keeps its start and its end (where the fix is), each cut marked with an ellipsis.
     *
     * @param text the message
     * @return the capped single line
     */
    static String oneLine(String text) {
        String line = text.replaceAll("\\s*\\R\\s*", " ").trim();
        Matcher quoted = LONG_QUOTE.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (quoted.find()) {
            String inner = quoted.group(2);
            quoted.appendReplacement(sb, Matcher.quoteReplacement(quoted.group(1) + inner.substring(0, MAX_QUOTED)
                    + "…(" + inner.length() + " characters)" + quoted.group(1)));
        }
        quoted.appendTail(sb);
        line = sb.toString();
        if (line.length() > MAX_LINE) {
            int tail = MAX_LINE / 3;
            line = line.substring(0, MAX_LINE - tail) + " … " + line.substring(line.length() - tail);
        }
        return line;
    }
}
