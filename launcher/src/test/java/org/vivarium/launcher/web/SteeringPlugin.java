package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.vivarium.launcher.plugins.PluginInfo;
import org.vivarium.launcher.support.Await;
import org.vivarium.testkit.TinyCheckpoint;

/** The real steering plugin jar of this build and a tiny real checkpoint for its playground page. */
final class SteeringPlugin {
    /** The text whose characters make the tiny checkpoint's vocabulary. */
    static final String CORPUS = "the cat sat on the mat. the dog ran in the fog. good happy kind; bad sad cruel. <>'\"&";
    /** Where the tiny checkpoint goes, relative to the work directory. */
    static final String CHECKPOINT = "runs/tiny";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SteeringPlugin() {
    }

    /** @return {@code target/vivarium/plugins/steering.jar}, copied there by the build */
    static Path jar() {
        Path jar = Path.of("target", "vivarium", "plugins", "steering.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": run the launcher's package phase first");
        return jar;
    }

    /**
     * Writes the tiny checkpoint (2 layers, d_model 32, seeded weights) into {@code workDir/runs/tiny}.
     *
     * @param workDir the server's work directory
     */
    static void writeCheckpoint(Path workDir) {
        TinyCheckpoint.over(CORPUS).seed(3).writeTo(workDir.resolve(CHECKPOINT));
    }

    /**
     * Installs the plugin into the fixture's host and waits until its page answers.
     *
     * @param web the running fixture
     * @return the plugin's state
     */
    static PluginInfo install(WebFixture web) {
        PluginInfo info = web.host.plugins().install(jar());
        assertTrue(Await.until(() -> status(web.uri("/steering")) == 200, Duration.ofSeconds(20)),
                "the playground page did not appear: " + web.host.plugins().list());
        return info;
    }

    /**
     * @param uri a page
     * @return its GET status, or -1 if the request failed
     */
    static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
