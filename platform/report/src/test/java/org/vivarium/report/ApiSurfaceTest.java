package org.vivarium.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vivarium.report.plot.Chart;

/**
 * Plugins import org.vivarium.report.* from the host and nothing else, so no public or protected signature
 * there may name a JFreeChart or Gson type: the libraries stay on the host's classpath, behind the API.
 */
class ApiSurfaceTest {
    private static final List<String> HIDDEN = List.of("org.jfree.", "com.google.gson.", "me.tongfei.", "org.jline.");

    @Test
    void noLibraryTypeCrossesTheExportedPackages() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Chart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes.resolve("org/vivarium/report"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains(".internal.")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                if (!Modifier.isPublic(c.getModifiers())) {
                    continue;
                }
                checked++;
                check(leaks, c + " extends", c.getGenericSuperclass());
                for (Type t : c.getGenericInterfaces()) {
                    check(leaks, c + " implements", t);
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (visible(m.getModifiers())) {
                        check(leaks, m.toString(), m.getGenericReturnType());
                        for (Type t : m.getGenericParameterTypes()) {
                            check(leaks, m.toString(), t);
                        }
                        for (Type t : m.getGenericExceptionTypes()) {
                            check(leaks, m.toString(), t);
                        }
                    }
                }
                for (Constructor<?> k : c.getDeclaredConstructors()) {
                    if (visible(k.getModifiers())) {
                        for (Type t : k.getGenericParameterTypes()) {
                            check(leaks, k.toString(), t);
                        }
                    }
                }
                for (Field fd : c.getDeclaredFields()) {
                    if (visible(fd.getModifiers())) {
                        check(leaks, fd.toString(), fd.getGenericType());
                    }
                }
            }
        }
        assertTrue(checked > 15, "found the public classes: " + checked);
        assertEquals(List.of(), leaks);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> leaks, String where, Type t) {
        if (t != null && HIDDEN.stream().anyMatch(t.getTypeName()::contains)) {
            leaks.add(where + " names " + t.getTypeName());
        }
    }
}
