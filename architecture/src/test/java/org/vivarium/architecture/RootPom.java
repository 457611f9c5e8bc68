package org.vivarium.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The modules of the root pom, for the tests that check every module is among the classes the rules read. */
final class RootPom {
    private RootPom() {
    }

    /** @return the project's root directory (the parent of this module's, where surefire runs) */
    static Path dir() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    }

    /**
     * Lists the root pom's modules whose path starts with a prefix.
     *
     * @param prefix e.g. {@code plugins/}, or the empty string for all
     * @return the module paths relative to {@link #dir()}, in pom order
     * @throws IOException if the pom cannot be read
     */
    static List<String> modules(String prefix) throws IOException {
        Matcher m = Pattern.compile("<module>(" + Pattern.quote(prefix) + "[^<]*)</module>")
                .matcher(Files.readString(dir().resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }
}
