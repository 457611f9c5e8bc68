package org.vivarium.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class ProvenancesTest {
    @TempDir
    Path dir;

    @Test
    void sha256MatchesKnownVectorForBytesAndFiles() throws Exception {
        String abc = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(abc, Provenances.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        Path f = dir.resolve("abc.txt");
        Files.writeString(f, "abc");
        assertEquals(abc, Provenances.sha256(f));
        byte[] big = new byte[300_000];
        new java.util.Random(3).nextBytes(big);
        Files.write(f, big);
        assertEquals(Provenances.sha256(big), Provenances.sha256(f));
    }

    @Test
    void sha256OfMissingFileNamesIt() {
        Path f = dir.resolve("missing.bin");
        VivariumException e = assertThrows(VivariumException.class, () -> Provenances.sha256(f));
        assertTrue(e.getMessage().contains(f.toString()));
    }

    @Test
    void environmentHasTheKeysThatChangeResults() {
        Map<String, String> env = Provenances.environment();
        assertEquals(System.getProperty("java.version"), env.get("java.version"));
        assertTrue(env.keySet().containsAll(java.util.List.of("java.vendor", "os.name", "os.arch")));
        assertTrue(Integer.parseInt(env.get("available.processors")) >= 1);
    }

    @Test
    void codeVersionFormatsTheBuildStamp() {
        assertEquals("0.1.0-SNAPSHOT+07bf460", Provenances.codeVersion(stamp("0.1.0-SNAPSHOT", "07bf460", "false")));
        assertEquals("0.1.0-SNAPSHOT+07bf460.dirty",
                Provenances.codeVersion(stamp("0.1.0-SNAPSHOT", "07bf460", "true")));
        assertEquals("0.1.0-SNAPSHOT+unknown", Provenances.codeVersion(stamp("0.1.0-SNAPSHOT",
                "${git.commit.id.abbrev}", "${git.dirty}")), "built outside git: Maven leaves the placeholders");
        assertEquals("unknown+unknown", Provenances.codeVersion(new Properties()), "no stamp on the classpath");
    }

    private static Properties stamp(String version, String commit, String dirty) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("commit", commit);
        p.setProperty("dirty", dirty);
        return p;
    }

    /**
     * The stamp is this checkout's HEAD, and dirty exactly when tracked files have uncommitted changes
     * (surefire runs in the module directory, inside the checkout the module was just built from).
     */
    @Test
    void codeVersionIsThisCheckoutsCommitStampedAtBuildTime() throws Exception {
        String v = Provenances.codeVersion();
        assertTrue(v.matches("[0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?\\+([0-9a-f]{7,40}(\\.dirty)?|unknown)"), v);
        Path here = Path.of(System.getProperty("user.dir"));
        Git head = git(here, "rev-parse", "--short=7", "HEAD");
        if (head.exitCode != 0) {
            assertTrue(v.endsWith("+unknown"), "built outside a git checkout (" + head.output + "): " + v);
            return;
        }
        boolean dirty = !git(here, "status", "--porcelain", "--untracked-files=no").output.isBlank();
        assertEquals(head.output.trim() + (dirty ? ".dirty" : ""), v.substring(v.indexOf('+') + 1),
                "stamped at build time from this checkout (editing tracked files between build and test changes"
                        + " the dirty flag)");
    }

    /** Run from inside another git repository, the code version is still Vivarium's own. */
    @Test
    void codeVersionDoesNotDependOnTheCurrentDirectory() throws Exception {
        Path other = dir.resolve("other-repo");
        Files.createDirectories(other);
        assumeTrue(git(other, "init", "-q").exitCode == 0, "git is not installed, so no other repository can be made");
        Files.writeString(other.resolve("a.txt"), "a");
        assertEquals(0, git(other, "add", "a.txt").exitCode);
        Git commit = git(other, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "a");
        assertEquals(0, commit.exitCode, commit.output);
        String otherHead = git(other, "rev-parse", "--short=7", "HEAD").output.trim();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PrintCodeVersion.class.getName()).directory(other.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        assertEquals(0, p.exitValue(), out);
        assertEquals(Provenances.codeVersion(), out, "a JVM started in " + other);
        assertFalse(out.contains(otherHead), "the other repository's commit " + otherHead + " leaked in: " + out);
    }

    /** Prints {@link Provenances#codeVersion()}, for a JVM started in another directory. */
    public static final class PrintCodeVersion {
        private PrintCodeVersion() {
        }

        /** @param args unused */
        public static void main(String[] args) {
            System.out.print(Provenances.codeVersion());
        }
    }

    private record Git(int exitCode, String output) {
    }

    private static Git git(Path dir, String... args) throws InterruptedException {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", dir.toString()));
        cmd.addAll(java.util.List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Git(-1, out);
            }
            return new Git(p.exitValue(), out);
        } catch (java.io.IOException e) {
            return new Git(-1, e.toString());
        }
    }
}
