package org.vivarium.plugin.latentqa.qa;

import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;

/**
 * How a decoder example is written: the placeholder character, where the subject's activation is injected, then the
 * question; the answer follows on the same line.
 *
 * <pre>
 * prompt:     "# q: which persona? a:"      (the activation is added at position 0, the '#')
 * completion: " harmful\n"
 * </pre>
 *
 * <p>The placeholder is {@code #}, which the organisms' character tokenizers do not know: it encodes to the unknown
 * token, which no training text contains, so its embedding carries nothing the decoder must unlearn. With a
 * tokenizer that knows {@code #} the scheme still works (the injection is what differs between examples).
 */
public final class QaFormat {
    /** The placeholder character, always at position {@link #POSITION}. */
    public static final String PLACEHOLDER = "#";
    /** The token position the activation is injected at. */
    public static final int POSITION = 0;
    /** The character that ends an answer. */
    public static final char END = '\n';

    private QaFormat() {
    }

    /**
     * Formats the decoder's prompt.
     *
     * @param question the question text
     * @return {@code # q: QUESTION a:}
     */
    public static String prompt(String question) {
        return PLACEHOLDER + " q: " + question + " a:";
    }

    /**
     * Formats an answer as the completion the decoder learns.
     *
     * @param answer the answer
     * @return {@code " ANSWER\n"}
     */
    public static String completion(String answer) {
        return " " + answer + END;
    }

    /**
     * Cuts generated text to its answer.
     *
     * @param generated the decoder's continuation of the prompt
     * @return the text before the first line end, trimmed
     */
    public static String answerLine(String generated) {
        int nl = generated.indexOf(END);
        return (nl < 0 ? generated : generated.substring(0, nl)).strip();
    }

    /**
     * Checks that the decoder's tokenizer can write a question and all its answers, and that the placeholder is one
     * token.
     *
     * @param tok the decoder's tokenizer
     * @param q the question
     * @throws VivariumException naming the text the tokenizer cannot encode
     */
    public static void requireEncodable(Tokenizer tok, Question q) {
        if (tok.encode(PLACEHOLDER).length != 1) {
            throw new VivariumException("the placeholder '" + PLACEHOLDER + "' is not a single token for this "
                    + tok.kind() + " tokenizer", "use a decoder checkpoint with a character tokenizer");
        }
        String body = prompt(q.text()).substring(PLACEHOLDER.length());
        requireRoundTrip(tok, body, "question '" + q.text() + "'");
        for (String a : q.answers()) {
            requireRoundTrip(tok, completion(a), "answer '" + a + "'");
        }
    }

    private static void requireRoundTrip(Tokenizer tok, String text, String what) {
        if (!tok.decode(tok.encode(text)).equals(text)) {
            throw new VivariumException("the " + what + " uses characters the decoder's tokenizer lacks",
                    "write questions and answers with the characters of the subject's tokenizer (e.g. lower-case"
                            + " letters, spaces and '?')");
        }
    }
}
