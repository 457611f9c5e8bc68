package org.vivarium.checkpoint.tokenizer;

import java.util.StringJoiner;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;

/**
 * A vocabulary of {@code n} abstract symbols for synthetic tasks; text is whitespace-separated ids.
 *
 * <pre>{@code
 * SymbolTokenizer tok = new SymbolTokenizer(32);
 * tok.encode("3 17 4");            // {3, 17, 4}
 * tok.decode(new int[] {3, 17});   // "3 17"
 * tok.tokenText(3);                // "t3"
 * }</pre>
 */
public final class SymbolTokenizer implements Tokenizer {
    private final int size;

    /**
     * Creates a vocabulary of {@code n} symbols, ids {@code 0..n-1}.
     *
     * @param n the vocabulary size, at least 1
     */
    public SymbolTokenizer(int n) {
        if (n < 1) {
            throw new VivariumException("symbol vocabulary size " + n + " must be >= 1", "use a positive size");
        }
        this.size = n;
    }

    @Override
    public int[] encode(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] parts = trimmed.split("\\s+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new VivariumException("symbol text \"" + parts[i] + "\" is not a token id",
                        "write tokens as space-separated integers 0.." + (size - 1) + ", e.g. \"3 17 4\"");
            }
            check(ids[i]);
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringJoiner j = new StringJoiner(" ");
        for (int id : ids) {
            check(id);
            j.add(Integer.toString(id));
        }
        return j.toString();
    }

    @Override
    public String tokenText(int id) {
        check(id);
        return "t" + id;
    }

    @Override
    public int vocabSize() {
        return size;
    }

    @Override
    public String kind() {
        return "symbol";
    }

    private void check(int id) {
        if (id < 0 || id >= size) {
            throw new VivariumException("token id " + id + " is outside the symbol vocabulary of " + size,
                    "use ids 0.." + (size - 1));
        }
    }
}
