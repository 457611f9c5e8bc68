package org.vivarium.launcher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.launcher.host.HostOptions;

/** Test homes: a temporary directory with {@code bundles/} holding the real SCR bundles. */
public final class TestHomes {

    private TestHomes() {
    }

    /** @return the SCR bundle jars copied by the build into {@code target/vivarium/bundles} */
    public static List<Path> coreBundles() {
        return HostOptions.bundleJars(Path.of(System.getProperty("vivarium.test.bundles", "target/vivarium/bundles")));
    }

    /**
     * Prepares a home with {@code bundles/} (copies of the core bundles) and an empty {@code plugins/}.
     *
     * @param home the directory
     * @return the home
     */
    public static Path create(Path home) {
        try {
            Files.createDirectories(home.resolve("plugins"));
            Path bundles = Files.createDirectories(home.resolve("bundles"));
            for (Path jar : coreBundles()) {
                Files.copy(jar, bundles.resolve(jar.getFileName()));
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prepares a home (see {@link #create}) under {@code dir/home} with the test plugin {@code good.jar}, which
     * provides the method {@code hello}.
     *
     * @param dir a temporary directory
     * @return the home
     */
    public static Path withHello(Path dir) {
        Path home = create(dir.resolve("home"));
        TestPlugins.activator(home.resolve("plugins/good.jar"), "test.good", "hello");
        return home;
    }

    /** @return a runtime supplier for tests that never load a model */
    public static Supplier<ModelRuntime> stubRuntime() {
        return () -> new ModelRuntime() {
            @Override
            public Model load(Path checkpointDir) {
                throw new UnsupportedOperationException("tests load no models");
            }

            @Override
            public String engineDescription() {
                return "test engine";
            }
        };
    }
}
