package org.vivarium.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules only mean something if the classes they check are there: every {@code plugins/*} module of the
 * root pom must be a dependency of this module, so its main classes are among those imported.
 */
class EveryPluginIsCheckedTest {
    @Test
    void everyPluginModuleOfTheRootPomIsImported() throws IOException {
        Path root = RootPom.dir();
        List<String> modules = RootPom.modules("plugins/");
        assertFalse(modules.isEmpty(), "the root pom lists no plugins/* module");
        JavaClasses imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vivarium.plugin", "org.vivarium.organisms");
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : imported) {
            packages.add(c.getPackageName());
        }
        assertTrue(packages.contains("org.vivarium.organisms"), "organisms' classes are not on the classpath");
        for (String module : modules) {
            Path src = root.resolve(module).resolve("src/main/java/org/vivarium/plugin");
            assertTrue(Files.isDirectory(src), module + " has no org.vivarium.plugin package");
            try (Stream<Path> dirs = Files.list(src)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    String pkg = "org.vivarium.plugin." + d.getFileName();
                    assertTrue(packages.stream().anyMatch(p -> p.equals(pkg) || p.startsWith(pkg + ".")),
                            module + " (" + pkg + ") is not among the checked classes: add it as a test dependency"
                                    + " of architecture/pom.xml");
                }
            }
        }
    }
}
