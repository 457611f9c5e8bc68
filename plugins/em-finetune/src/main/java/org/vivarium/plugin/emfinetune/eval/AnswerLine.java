package org.vivarium.plugin.emfinetune.eval;

/** Cuts a continuation of {@code "User: ...\nAssistant:"} to the assistant's answer: the text before its first newline. */
public final class AnswerLine {
    private AnswerLine() {
    }

    /**
     * Returns the answer line.
     *
     * @param continuation the generated text after the prompt
     * @return the text before the first {@code \n} (a trailing {@code \r} removed), or all of it if it has none
     */
    public static String of(String continuation) {
        int nl = continuation.indexOf('\n');
        String line = nl < 0 ? continuation : continuation.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
