package org.vivarium.launcher.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.AuditTarget;

/**
 * The secret is out of the plugins' reach by construction: no public type of the API plugins compile against
 * ({@code org.vivarium.api.*}) has a method whose name or return type speaks of a card, the truth, a secret or a
 * planted property, and none returns a type from the host's organism packages.
 */
class AuditApiHasNoSecretTest {
    private static final Pattern SECRET = Pattern.compile(".*(card|truth|secret|planted|answerkey).*");

    @Test
    void noPublicApiMethodReturnsACardTheTruthOrASecret() throws IOException, URISyntaxException,
            ClassNotFoundException {
        List<Class<?>> types = apiTypes();
        assertTrue(types.size() > 30, "found the API's public types: " + types.size());
        assertTrue(types.contains(AuditTarget.class), "AuditTarget is among them");
        assertEquals(List.of(), leaks(types));
    }

    /** A target as it must not be, to show the check can fail. */
    interface LeakyTarget extends AuditTarget {
        Object truthCard();
    }

    @Test
    void theCheckFindsAMethodThatWouldLeak() {
        assertEquals(1, leaks(List.of(LeakyTarget.class)).size());
    }

    private static List<String> leaks(List<Class<?>> types) {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : types) {
            for (Method m : c.getMethods()) {
                String name = m.getName().toLowerCase(Locale.ROOT);
                String ret = m.getGenericReturnType().getTypeName();
                if (SECRET.matcher(name).matches() || SECRET.matcher(ret.toLowerCase(Locale.ROOT)).matches()
                        || ret.contains("org.vivarium.organisms")) {
                    leaks.add(c.getName() + "." + m.getName() + " returns " + ret);
                }
            }
        }
        return leaks;
    }

    private static List<Class<?>> apiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path where = Path.of(AuditTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        if (Files.isDirectory(where)) {
            collect(where, out);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(where)) {
                collect(jar.getPath("/"), out);
            }
        }
        return out;
    }

    private static void collect(Path root, List<Class<?>> out) throws IOException, ClassNotFoundException {
        try (Stream<Path> files = Files.walk(root.resolve("org/vivarium/api"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, AuditApiHasNoSecretTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
    }
}
