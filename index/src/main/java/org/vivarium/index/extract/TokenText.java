package org.vivarium.index.extract;

import org.vivarium.api.model.Tokenizer;

/**
 * A window of tokens rendered as text, with the character span of one token in it.
 *
 * @param text the rendered window
 * @param spanStart first character of the focus token
 * @param spanEnd end of the focus token (exclusive)
 */
public record TokenText(String text, int spanStart, int spanEnd) {

    /**
     * Renders tokens {@code [from, to)} and locates token {@code focus}. Tokens that render empty are
     * shown as a visible placeholder so the span is never empty.
     *
     * @param tok the tokenizer
     * @param ids token ids
     * @param from first token of the window
     * @param to end of the window (exclusive)
     * @param focus the firing token, inside the window
     * @return the rendered window
     */
    public static TokenText window(Tokenizer tok, int[] ids, int from, int to, int focus) {
        StringBuilder sb = new StringBuilder();
        int start = 0;
        int end = 0;
        boolean spaced = "symbol".equals(tok.kind());
        for (int i = from; i < to; i++) {
            if (spaced && i > from) {
                sb.append(' ');
            }
            if (i == focus) {
                start = sb.length();
            }
            String t = tok.tokenText(ids[i]);
            sb.append(t.isEmpty() ? "\u2205" : t.replace('\n', ' '));
            if (i == focus) {
                end = sb.length();
            }
        }
        return new TokenText(sb.toString(), start, end);
    }
}
