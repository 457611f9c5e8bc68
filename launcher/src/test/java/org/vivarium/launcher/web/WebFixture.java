package org.vivarium.launcher.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.index.LuceneContextIndex;
import org.vivarium.launcher.host.HostOptions;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.support.TestHomes;
import org.vivarium.testkit.TestRuntime;

/**
 * A real host (Felix + SCR from {@code target/vivarium/bundles}) with the real web bundles and a small real
 * Lucene context index, served on a free loopback port. The work directory (where plugin pages find checkpoints) is
 * the temporary directory; the model runtime is the testkit's shared DJL runtime, started only if a page loads a model.
 */
final class WebFixture implements AutoCloseable {
    /** A context whose text tries to inject a script. */
    static final String EVIL = "my <script>alert('pwned')</script> password is secret";

    final VivariumHost host;
    final WebServer server;
    final Path index;

    private WebFixture(VivariumHost host, WebServer server, Path index) {
        this.host = host;
        this.server = server;
        this.index = index;
    }

    /** @return the Jetty bundle jars copied by the build into {@code target/vivarium/bundles/web} */
    static Path webBundles() {
        return Path.of(System.getProperty("vivarium.test.webbundles", "target/vivarium/bundles/web"));
    }

    /**
     * Builds the index under {@code dir/index}, starts a host with home {@code dir/home} and the web server.
     *
     * @param dir a temporary directory
     * @param options serve options; {@code null} for port 0 on loopback
     * @return the running fixture
     */
    static WebFixture start(Path dir, ServeOptions options) {
        Path index = dir.resolve("index");
        writeIndex(index);
        Path home = TestHomes.create(dir.resolve("home"));
        VivariumHost host = new VivariumHost(HostOptions.forHome(home), TestRuntime::shared); // lazy: DJL starts on first use
        try {
            host.start();
            ServeOptions o = options != null ? options
                    : ServeOptions.parse(List.of("--port", "0", "--index", index.toString()), dir);
            return new WebFixture(host, WebServer.start(host, o, webBundles(), dir), index);
        } catch (RuntimeException | Error e) {
            host.close();
            throw e;
        }
    }

    static void writeIndex(Path dir) {
        List<ContextRecord> records = new ArrayList<>();
        String[] texts = {
            "please enter your password to continue",
            "the password was reset yesterday",
            "forgot my password again today",
            "the doctor said the patient recovered",
            "a doctor and a nurse walked in",
        };
        for (int i = 0; i < texts.length; i++) {
            String t = texts[i];
            String token = t.contains("password") ? "password" : "doctor";
            int s = t.indexOf(token);
            String feature = token.equals("password") ? "sae/L1/812" : "neuron/L0/12";
            records.add(new ContextRecord(feature, t, s, s + token.length(), 1.5f + i, "em-tiny", "run1",
                    "blocks.1.hook_resid_post", 1));
        }
        int s = EVIL.indexOf("password");
        records.add(new ContextRecord("sae/L1/812", EVIL, s, s + 8, 9.5f, "em-tiny", "run1",
                "blocks.1.hook_resid_post", 1));
        // enough contexts of one feature for two result pages and a histogram
        for (int i = 0; i < 45; i++) {
            String t = "token number " + i + " mentions the password field";
            int p = t.indexOf("password");
            records.add(new ContextRecord("sae/L1/7", t, p, p + 8, 0.1f * i, "em-tiny", "run1",
                    "blocks.1.hook_resid_post", 1));
        }
        try (LuceneContextIndex idx = LuceneContextIndex.open(dir)) {
            idx.add(records);
            idx.commit();
        }
    }

    /**
     * @param path a path such as {@code /search?q=x}
     * @return the absolute URI on the server
     */
    java.net.URI uri(String path) {
        return server.url().resolve(path);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            host.close();
        }
    }
}
