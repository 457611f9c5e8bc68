package org.vivarium.plugin.probes.extract;

import java.util.Locale;
import org.vivarium.api.VivariumException;

/** Which token positions of a prompt become probe examples. */
public enum PositionMode {
    /** The activation at the last token: one example per prompt. */
    LAST,
    /** The mean activation over all tokens: one example per prompt. */
    MEAN,
    /** Every token's activation, each labelled with its prompt's label. */
    ALL;

    /** @return the lowercase name used on the command line */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@code --position} value.
     *
     * @param text {@code last}, {@code mean} or {@code all}
     * @return the mode
     * @throws VivariumException for any other value
     */
    public static PositionMode parse(String text) {
        for (PositionMode m : values()) {
            if (m.id().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new VivariumException("unknown position \"" + text + "\"", "use --position last, mean or all");
    }
}
