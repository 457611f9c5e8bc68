package org.vivarium.plugin.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.vivarium.api.method.MethodCommand;

/** The method's commands and the bundle manifest bnd generated for it. */
class CircuitsMethodTest {
    @Test
    void theMethodOffersThreeCommandsWithUsage() {
        CircuitsMethod m = new CircuitsMethod();
        assertEquals("circuits", m.name());
        assertEquals(List.of("patch", "path", "lens", "composition", "acdc", "attribute"), m.commands().stream().map(MethodCommand::name).toList());
        for (MethodCommand c : m.commands()) {
            assertTrue(c.usage().startsWith("CKPT"), c.usage());
            assertFalse(c.summary().isBlank());
        }
    }

    @Test
    void theBundleImportsOnlyTheApiAndTheReportLibrary() throws Exception {
        Path mf = Path.of("target/classes/META-INF/MANIFEST.MF");
        assertTrue(Files.exists(mf), "bnd writes the manifest before the tests run");
        Manifest manifest;
        try (InputStream in = Files.newInputStream(mf)) {
            manifest = new Manifest(in);
        }
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        assertTrue(imports.contains("org.vivarium.api.audit") && imports.contains("org.vivarium.report.plot"), imports);
        assertFalse(imports.contains("ai.djl") || imports.contains("org.vivarium.runtime")
                || imports.contains("com.google.gson"), imports);
        assertEquals("org.vivarium.plugin.circuits", manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
        String components = manifest.getMainAttributes().getValue("Service-Component");
        assertTrue(components.contains("CircuitsMethod") && components.contains("CircuitsAuditor"), components);
    }
}
