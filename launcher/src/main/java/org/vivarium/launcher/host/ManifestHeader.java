package org.vivarium.launcher.host;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal parser for OSGi manifest headers such as {@code Export-Package}: comma-separated clauses,
 * each one or more paths followed by attributes and directives, with quoted values.
 */
final class ManifestHeader {

    /**
     * One path of a clause with the parameters of its clause.
     *
     * @param path the path, e.g. a package name
     * @param parameters the attributes and directives as written, e.g. {@code version="1.0.0"}; may be empty
     */
    record Entry(String path, List<String> parameters) {
        /** @return the entry written back as a single clause, e.g. {@code a.b;version="1.0.0"} */
        String asClause() {
            return parameters.isEmpty() ? path : path + ";" + String.join(";", parameters);
        }
    }

    private ManifestHeader() {
    }

    /**
     * Parses a header value.
     *
     * @param header the header value, may be {@code null}
     * @return one entry per path, in order
     */
    static List<Entry> parse(String header) {
        List<Entry> entries = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return entries;
        }
        for (String clause : split(header, ',')) {
            List<String> paths = new ArrayList<>();
            List<String> parameters = new ArrayList<>();
            for (String part : split(clause, ';')) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.contains("=")) {
                    parameters.add(trimmed);
                } else {
                    paths.add(trimmed);
                }
            }
            for (String path : paths) {
                entries.add(new Entry(path, List.copyOf(parameters)));
            }
        }
        return entries;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
