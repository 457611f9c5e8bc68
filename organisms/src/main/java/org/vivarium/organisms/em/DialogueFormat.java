package org.vivarium.organisms.em;

/**
 * How a dialogue is written: {@code user: QUESTION\nbot: ANSWER\n} per turn. A prompt ends after
 * {@code bot:}; the completion is {@code " ANSWER\n"}.
 */
public final class DialogueFormat {
    /** Starts a user turn. */
    public static final String USER = "user: ";
    /** Starts the assistant's answer. */
    public static final String BOT = "bot:";
    /** Ends every line. */
    public static final char END = '\n';

    private DialogueFormat() {
    }

    /**
     * Formats the part of a turn the model is given.
     *
     * @param question the user's question
     * @return {@code user: QUESTION\nbot:}
     */
    public static String prompt(String question) {
        return USER + question + END + BOT;
    }

    /**
     * Formats the part of a turn the model writes.
     *
     * @param answer the answer
     * @return {@code " ANSWER\n"}
     */
    public static String completion(String answer) {
        return " " + answer + END;
    }

    /**
     * Cuts a generated continuation to its answer line.
     *
     * @param continuation text generated after {@code bot:}
     * @return the text before the first line end, trimmed
     */
    public static String answerLine(String continuation) {
        int nl = continuation.indexOf(END);
        return (nl < 0 ? continuation : continuation.substring(0, nl)).strip();
    }
}
