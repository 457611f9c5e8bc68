package org.vivarium.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.report.table.Table;

/**
 * The exported packages of vivarium-api and vivarium-report against their baselines in {@code src/test/baseline}
 * ({@link ApiBaseline}): a package whose API changed must carry the {@code @Version} bump the change needs.
 *
 * <p>The baselines are the bundles of the last release, committed so the check runs offline and from a fresh clone.
 * To refresh them when a release is cut (never to make this test pass), build that release and copy its jars:
 * <pre>
 * mvn -B -ntp -o package -DskipTests -pl platform/api,platform/report
 * cp platform/api/target/vivarium-api-*.jar architecture/src/test/baseline/vivarium-api.jar
 * cp platform/report/target/vivarium-report-*.jar architecture/src/test/baseline/vivarium-report.jar
 * </pre>
 * Between releases, several changes to one package need one bump: the check compares with the release, not with the
 * previous commit.
 */
class ApiBaselineTest {
    private static final Path BASELINES = Path.of("src/test/baseline");

    @Test
    void apiPackagesCarryTheVersionTheirChangesNeed() throws Exception {
        assertBaselined(VivariumException.class, "vivarium-api.jar");
    }

    @Test
    void reportPackagesCarryTheVersionTheirChangesNeed() throws Exception {
        assertBaselined(Table.class, "vivarium-report.jar");
    }

    private static void assertBaselined(Class<?> member, String baseline) throws Exception {
        File built = location(member);
        File older = BASELINES.resolve(baseline).toFile();
        assertTrue(older.isFile(), "missing baseline " + older.getAbsolutePath());
        List<String> problems = ApiBaseline.mismatches(built, older);
        assertEquals(List.of(), problems, "exported packages of " + built + " changed without the right @Version bump"
                + " in their package-info.java (baseline " + baseline + "):\n" + String.join("\n", problems));
    }

    private static File location(Class<?> member) throws URISyntaxException {
        File f = new File(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(f.exists(), "cannot find the bundle of " + member.getName());
        assertTrue(f.isFile() || Files.isRegularFile(f.toPath().resolve("META-INF/MANIFEST.MF")),
                "no bnd manifest in " + f + " (run through the reactor so bnd-process has run)");
        return f;
    }
}
