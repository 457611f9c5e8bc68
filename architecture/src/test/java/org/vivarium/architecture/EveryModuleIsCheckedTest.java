package org.vivarium.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link PackageCyclesTest} only means something if it reads every module: each package holding main sources in a
 * module of the root pom must be among the classes it imports (a module missing from this module's dependencies
 * would be skipped silently).
 */
class EveryModuleIsCheckedTest {
    @Test
    void everyMainPackageOfEveryModuleIsImported() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String module : RootPom.modules("")) {
            Path sources = RootPom.dir().resolve(module).resolve("src/main/java");
            if (Files.isDirectory(sources)) {
                expected.addAll(packagesWithClasses(sources));
            }
        }
        assertFalse(expected.isEmpty(), "no main sources found under the root pom's modules");
        JavaClasses imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vivarium");
        Set<String> seen = imported.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(seen);
        assertEquals(List.of(), missing, "main packages not on the architecture module's test classpath");
    }

    private static Set<String> packagesWithClasses(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                    .map(f -> sources.relativize(f.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
