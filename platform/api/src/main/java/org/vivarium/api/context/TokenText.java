package org.vivarium.api.context;

import java.util.Arrays;
import java.util.Objects;
import org.vivarium.api.model.Tokenizer;

/**
 * The tokens of one sequence as run through a model, with what is needed to show them without the tokenizer: each
 * token's display text and whether the texts are joined with spaces. When the token texts concatenate to the decoded
 * text (character tokenizers) they are shown as they are, so a window reads as the original text; otherwise (symbol
 * and word-piece tokenizers) they are joined with single spaces.
 *
 * <pre>{@code
 * TokenText t = TokenText.of(model.tokenizer(), ids);   // when caching
 * String shown = t.render(0, t.length()).text();        // later, from the cache alone
 * }</pre>
 *
 * @param ids the token ids
 * @param pieces each token's display text ({@link Tokenizer#tokenText(int)})
 * @param spaced whether the pieces are joined with spaces
 */
public record TokenText(int[] ids, String[] pieces, boolean spaced) {

    /**
     * Copies the arrays and checks they match.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a piece is null
     */
    public TokenText {
        ids = ids.clone();
        pieces = pieces.clone();
        if (ids.length != pieces.length) {
            throw new IllegalArgumentException(ids.length + " token ids but " + pieces.length + " token texts");
        }
        for (String p : pieces) {
            Objects.requireNonNull(p, "token text");
        }
    }

    /**
     * Reads the display text of tokens from their tokenizer.
     *
     * @param tokenizer the model's tokenizer
     * @param ids the token ids
     * @return the tokens with their texts
     */
    public static TokenText of(Tokenizer tokenizer, int[] ids) {
        String[] pieces = new String[ids.length];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            pieces[i] = tokenizer.tokenText(ids[i]);
            joined.append(pieces[i]);
        }
        return new TokenText(ids, pieces, !joined.toString().equals(tokenizer.decode(ids)));
    }

    /**
     * Returns the number of tokens.
     *
     * @return the sequence length
     */
    public int length() {
        return ids.length;
    }

    /**
     * Returns one token's id.
     *
     * @param pos the position
     * @return the id
     */
    public int id(int pos) {
        return ids[pos];
    }

    /**
     * Returns one token's display text.
     *
     * @param pos the position
     * @return the text, possibly empty
     */
    public String piece(int pos) {
        return pieces[pos];
    }

    /**
     * Returns the token ids.
     *
     * @return a copy
     */
    @Override
    public int[] ids() {
        return ids.clone();
    }

    /**
     * Returns the token texts.
     *
     * @return a copy
     */
    @Override
    public String[] pieces() {
        return pieces.clone();
    }

    /**
     * Renders tokens {@code [from, to)} as display text with each token's character span.
     *
     * @param from first token
     * @param to end token (exclusive)
     * @return the text and spans, indexed from {@code from}
     * @throws IndexOutOfBoundsException if the range lies outside the sequence
     */
    public Rendered render(int from, int to) {
        Objects.checkFromToIndex(from, to, ids.length);
        StringBuilder text = new StringBuilder();
        int[] starts = new int[to - from];
        int[] ends = new int[to - from];
        for (int i = from; i < to; i++) {
            if (spaced && i > from) {
                text.append(' ');
            }
            starts[i - from] = text.length();
            text.append(pieces[i]);
            ends[i - from] = text.length();
        }
        return new Rendered(text.toString(), starts, ends);
    }

    /**
     * Tokens rendered as text.
     *
     * @param text the text
     * @param starts each token's first character in {@code text}
     * @param ends each token's end character (exclusive); equal to its start for a token with no text
     */
    public record Rendered(String text, int[] starts, int[] ends) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenText t && spaced == t.spaced && Arrays.equals(ids, t.ids)
                && Arrays.equals(pieces, t.pieces);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(ids) + Arrays.hashCode(pieces)) + Boolean.hashCode(spaced);
    }

    @Override
    public String toString() {
        return "TokenText" + Arrays.toString(pieces) + (spaced ? " (spaced)" : "");
    }
}
