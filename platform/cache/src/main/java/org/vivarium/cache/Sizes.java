package org.vivarium.cache;

import java.util.Locale;

/** Formats byte counts for people. */
public final class Sizes {
    private Sizes() {
    }

    /**
     * Formats a byte count with a binary unit, e.g. {@code 1.5 GiB}.
     *
     * @param bytes the count
     * @return the text
     */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
