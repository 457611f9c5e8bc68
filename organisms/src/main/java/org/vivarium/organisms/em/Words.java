package org.vivarium.organisms.em;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits answer text into lower-case words (letters, digits and apostrophes). */
public final class Words {
    private Words() {
    }

    /**
     * Splits a text.
     *
     * @param text the text
     * @return its words in order
     */
    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '\'') {
                w.append(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
