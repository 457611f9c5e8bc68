package org.vivarium.cache;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names inside a cache directory: {@code FORMAT}, {@code meta.db} (+ MapDB WAL files),
 * {@code lock} and {@code data/r<run-key>-<segment>.seg}.
 *
 * @param dir the cache directory
 */
record StoreLayout(Path dir) {
    private static final Pattern SEGMENT = Pattern.compile("r(\\d+)-(\\d+)\\.seg");

    Path formatFile() {
        return dir.resolve("FORMAT");
    }

    Path metaFile() {
        return dir.resolve("meta.db");
    }

    Path lockFile() {
        return dir.resolve("lock");
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    Path segment(long runKey, int segment) {
        return dataDir().resolve("r" + runKey + "-" + segment + ".seg");
    }

    /**
     * Parses a segment file name.
     *
     * @param fileName e.g. {@code r3-0.seg}
     * @return {run key, segment}, or null if it is not a segment file
     */
    static long[] parseSegment(String fileName) {
        Matcher m = SEGMENT.matcher(fileName);
        return m.matches() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : null;
    }
}
