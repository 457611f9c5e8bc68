package org.vivarium.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.osgi.Jar;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ApiBaseline} fails on a bundle whose exported package changed without the version bump the change needs:
 * two versions of a one-class bundle are compiled here, the second with a public method added.
 */
class ApiBaselineCatchesViolationsTest {
    private static final String V1 = "package fixture.api;\n"
            + "/** Says hello. */\n"
            + "public final class Greeter {\n"
            + "    /** @return a greeting */\n"
            + "    public String hello() { return \"hello\"; }\n"
            + "}\n";
    private static final String V2_ADDED_METHOD = V1.replace("    public String hello() { return \"hello\"; }\n",
            "    public String hello() { return \"hello\"; }\n    /** @return a farewell */\n"
                    + "    public String bye() { return \"bye\"; }\n");
    private static final String V2_REMOVED_METHOD = V1.replace("    public String hello() { return \"hello\"; }\n", "");

    @TempDir
    Path dir;

    @Test
    void aMethodAddedWithoutAMinorBumpFails() throws Exception {
        List<String> problems = againstV1(V2_ADDED_METHOD, "1.0.0");
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("fixture.api: version 1.0.0 (baseline 1.0.0) but the change needs 1.1.0"),
                problems.get(0));
        assertTrue(problems.get(0).contains("ADDED METHOD bye()"), problems.get(0));
    }

    @Test
    void aMethodAddedWithAMinorBumpPasses() throws Exception {
        assertEquals(List.of(), againstV1(V2_ADDED_METHOD, "1.1.0"));
    }

    @Test
    void aMethodRemovedWithOnlyAMinorBumpFails() throws Exception {
        List<String> problems = againstV1(V2_REMOVED_METHOD, "1.1.0");
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("needs 2.0.0"), problems.get(0));
    }

    /** Baselines a second version of the fixture bundle against its first (1.0.0). */
    private List<String> againstV1(String source, String version) throws Exception {
        Path older = bundle("old", V1, "1.0.0");
        Path newer = bundle("new", source, version);
        return ApiBaseline.mismatches(newer.toFile(), older.toFile());
    }

    /** Compiles one source into a jar exporting {@code fixture.api} at the given version. */
    private Path bundle(String name, String source, String version) throws Exception {
        Path src = dir.resolve(name + "-src/fixture/api/Greeter.java");
        Path classes = dir.resolve(name + "-classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "the fixture did not compile");
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "fixture.bundle");
        a.putValue("Bundle-Version", version);
        a.putValue("Export-Package", "fixture.api;version=\"" + version + "\"");
        Path out = dir.resolve(name + ".jar");
        try (Jar jar = new Jar(classes.toFile()); OutputStream os = Files.newOutputStream(out)) {
            jar.setManifest(mf);
            jar.write(os);
        }
        return out;
    }
}
