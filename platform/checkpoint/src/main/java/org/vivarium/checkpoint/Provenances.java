package org.vivarium.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;

/**
 * Helpers for filling a {@link org.vivarium.api.provenance.Provenance}: content hashes, the environment
 * that can change results, and the code version (Vivarium's own, stamped at build time).
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
     * Returns the version of Vivarium itself, stamped when this module was built: the Maven version, the
     * git commit of the Vivarium checkout it was built from, and {@code .dirty} if tracked files had
     * uncommitted changes then. It does not depend on the current directory, so a run started inside
     * some other repository still records Vivarium's commit.
     *
     * @return e.g. {@code 0.1.0-SNAPSHOT+07bf460}, {@code 0.1.0-SNAPSHOT+07bf460.dirty}, or
     *     {@code 0.1.0-SNAPSHOT+unknown} when built outside a git checkout
     */
    public static String codeVersion() {
        return BuildStamp.CODE_VERSION;
    }

    /**
     * Formats a build stamp; values Maven did not replace (still {@code ${...}}) count as unknown.
     *
     * @param stamp the {@code version}, {@code commit} and {@code dirty} properties
     * @return {@code version+commit}, with {@code .dirty} appended when {@code dirty=true}
     */
    static String codeVersion(Properties stamp) {
        String version = stamp.getProperty("version", "");
        String commit = stamp.getProperty("commit", "").trim();
        String base = version.isBlank() || version.contains("${") ? "unknown" : version.trim();
        if (!commit.matches("[0-9a-f]{4,40}")) {
            return base + "+unknown";
        }
        return base + "+" + commit + ("true".equals(stamp.getProperty("dirty", "").trim()) ? ".dirty" : "");
    }

    /** Reads {@code vivarium-build.properties} once, on first use. */
    private static final class BuildStamp {
        static final String CODE_VERSION = codeVersion(read());

        private static Properties read() {
            Properties p = new Properties();
            try (InputStream in = Provenances.class.getResourceAsStream("vivarium-build.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // an unreadable stamp leaves the version unknown; provenance must never fail
            }
            return p;
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which every Java 17 runtime must provide", e);
        }
    }
}
