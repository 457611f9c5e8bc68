package org.vivarium.launcher.args;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vivarium.launcher.cli.UsageException;

/**
 * Parses a list of seeds such as {@code 1-5}, {@code 1,3,4} or {@code 1-3,7}: ranges are inclusive, the order is
 * kept and repeats are dropped.
 */
public final class SeedList {
    /** The most seeds one list may name. */
    public static final int MAX = 1000;

    private SeedList() {
    }

    /**
     * Parses the list.
     *
     * @param text e.g. {@code 1-5}
     * @param usage usage text for error messages
     * @return the seeds, at least one
     * @throws UsageException naming the bad part and the accepted forms
     */
    public static List<Long> parse(String text, String usage) {
        Set<Long> out = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            long lo = number(dash < 0 ? p : p.substring(0, dash), text, usage);
            long hi = dash < 0 ? lo : number(p.substring(dash + 1), text, usage);
            if (hi < lo || hi - lo >= MAX) {
                throw bad(text, "the range " + p + " is empty or longer than " + MAX, usage);
            }
            for (long s = lo; s <= hi; s++) {
                out.add(s);
            }
            if (out.size() > MAX) {
                throw bad(text, "more than " + MAX + " seeds", usage);
            }
        }
        return new ArrayList<>(out);
    }

    private static long number(String s, String text, String usage) {
        try {
            long v = Long.parseLong(s.strip());
            if (v < 0) {
                throw bad(text, "a seed is negative", usage);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(text, "'" + s.strip() + "' is not a whole number", usage);
        }
    }

    private static UsageException bad(String text, String why, String usage) {
        return new UsageException("--seeds \"" + text + "\": " + why + " (write e.g. 1-5, 1,3,4 or 1-3,7)", usage);
    }
}
