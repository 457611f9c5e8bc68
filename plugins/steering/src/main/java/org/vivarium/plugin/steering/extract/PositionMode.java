package org.vivarium.plugin.steering.extract;

import java.util.Locale;
import org.vivarium.api.VivariumException;

/** Which positions of a prompt give its residual vector. */
public enum PositionMode {
    /** The last token of the prompt (where the next token is predicted). */
    LAST,
    /** The mean over every token of the prompt. */
    MEAN;

    /** @return the lowercase name used on the command line and in {@code direction.json} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code last} or {@code mean}.
     *
     * @param text the value as typed
     * @return the mode
     * @throws VivariumException for anything else
     */
    public static PositionMode parse(String text) {
        for (PositionMode m : values()) {
            if (m.id().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new VivariumException("unknown position mode \"" + text + "\"", "use --position last or --position mean");
    }
}
