package org.vivarium.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.vivarium.api.VivariumException;

/**
 * Helpers for filling a {@link org.vivarium.api.provenance.Provenance}: content hashes, the environment
 * that can change results, and the code version.
 *
 * <pre>{@code
 * new Provenance("checkpoint", "organism/induction", settings, seed, Provenances.sha256(data),
 *         Provenances.codeVersion(), "", Instant.now().toString(), Provenances.environment());
 * }</pre>
 */
public final class Provenances {
    private static final String PREFIX = "sha256:";

    private Provenances() {
    }

    /**
     * Hashes bytes.
     *
     * @param bytes the content
     * @return {@code sha256:} followed by 64 lower-case hex digits
     */
    public static String sha256(byte[] bytes) {
        MessageDigest md = digest();
        return PREFIX + HexFormat.of().formatHex(md.digest(bytes));
    }

    /**
     * Hashes a file's content, streaming it.
     *
     * @param file the file
     * @return {@code sha256:} followed by 64 lower-case hex digits
     * @throws VivariumException if the file is missing or unreadable
     */
    public static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("cannot hash " + file + ": no such file", "check the path");
        }
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new VivariumException("cannot read " + file + " (" + e.getMessage() + ")",
                    "check that the file is readable", e);
        }
        return PREFIX + HexFormat.of().formatHex(md.digest());
    }

    /**
     * Describes the runtime environment: JVM, OS, architecture and processor count.
     *
     * @return sorted keys {@code available.processors, java.vendor, java.version, os.arch, os.name}
     */
    public static Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        for (String key : new String[] {"java.version", "java.vendor", "os.name", "os.arch"}) {
            env.put(key, System.getProperty(key, "unknown"));
        }
        env.put("available.processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return env;
    }

    /**
     * Returns the Vivarium version plus the git commit of the working directory when known.
     *
     * @return e.g. {@code 0.1.0-SNAPSHOT+9a58f54}, or {@code dev} outside a jar and a repository
     */
    public static String codeVersion() {
        return codeVersion(Path.of(System.getProperty("user.dir", ".")));
    }

    /**
     * Returns the Vivarium version plus the git commit of the repository containing {@code start}.
     * Never fails: a missing git, a missing repository or a slow git just leave the commit out.
     *
     * @param start where to look for a {@code .git} (this directory and its parents)
     * @return e.g. {@code 0.1.0-SNAPSHOT+9a58f54} or {@code dev}
     */
    public static String codeVersion(Path start) {
        String version = Provenances.class.getPackage().getImplementationVersion();
        String base = version == null || version.isBlank() ? "dev" : version;
        String commit = gitCommit(start);
        return commit == null ? base : base + "+" + commit;
    }

    private static String gitCommit(Path start) {
        Path repo = findRepo(start);
        if (repo == null) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{4,40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Path findRepo(Path start) {
        try {
            for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                if (Files.exists(p.resolve(".git"))) {
                    return p;
                }
            }
        } catch (SecurityException e) {
            return null;
        }
        return null;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which every Java 17 runtime must provide", e);
        }
    }
}
