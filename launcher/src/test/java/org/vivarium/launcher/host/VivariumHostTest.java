package org.vivarium.launcher.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.FineTuner;
import org.vivarium.launcher.support.Await;
import org.vivarium.launcher.support.TestHomes;
import org.vivarium.launcher.support.TestPlugins;

class VivariumHostTest {

    @TempDir
    Path dir;

    @Test
    void methodsOfActivatorAndDeclarativeServicesPluginsAreListedWithTheirBundle() {
        Path home = TestHomes.create(dir.resolve("home"));
        TestPlugins.activator(home.resolve("plugins/good.jar"), "test.good", "hello");
        TestPlugins.ds(home.resolve("plugins/dsgood.jar"), "test.ds.good", "dshello", false);
        try (VivariumHost host = new VivariumHost(HostOptions.forHome(home), TestHomes.stubRuntime())) {
            host.start();
            List<MethodInfo> methods = host.methods();
            assertEquals(List.of("dshello", "hello"), methods.stream().map(MethodInfo::name).toList());
            MethodInfo hello = host.method("hello").orElseThrow();
            assertEquals("test.good", hello.bundleSymbolicName());
            assertEquals(List.of("echo", "count", "crash", "svd"), hello.commandNames());
            assertEquals("test.ds.good", host.method("dshello").orElseThrow().bundleSymbolicName());
            assertTrue(host.method("nope").isEmpty());
        }
    }

    @Test
    void modelRuntimeIsPublishedAsServiceButCreatedOnlyOnFirstUse() {
        Path home = TestHomes.create(dir.resolve("home"));
        AtomicInteger created = new AtomicInteger();
        Supplier<ModelRuntime> counting = () -> {
            created.incrementAndGet();
            return TestHomes.stubRuntime().get();
        };
        try (VivariumHost host = new VivariumHost(HostOptions.forHome(home), counting)) {
            host.start();
            assertEquals(0, created.get());
            BundleContext context = host.bundleContext();
            ServiceReference<ModelRuntime> reference = context.getServiceReference(ModelRuntime.class);
            assertEquals("test engine", context.getService(reference).engineDescription());
            assertEquals("test engine", host.runtime().engineDescription());
            assertEquals(1, created.get());
        }
    }

    @Test
    void fineTunerIsPublishedAsServiceOverTheLazyRuntime() {
        Path home = TestHomes.create(dir.resolve("home"));
        AtomicInteger created = new AtomicInteger();
        Supplier<ModelRuntime> counting = () -> {
            created.incrementAndGet();
            return TestHomes.stubRuntime().get();
        };
        try (VivariumHost host = new VivariumHost(HostOptions.forHome(home), counting)) {
            host.start();
            BundleContext context = host.bundleContext();
            ServiceReference<FineTuner> reference = context.getServiceReference(FineTuner.class);
            FineTuner service = context.getService(reference);
            assertEquals(host.fineTuner(), service);
            assertEquals(0, created.get(), "publishing the fine-tuner must not create the runtime");
            // the stub runtime is not the DJL one, so a fine-tune is refused with a one-line reason
            VivariumException e = assertThrows(VivariumException.class, () -> service.fineTune(null, null));
            assertTrue(e.getMessage().contains("cannot fine-tune"), e.getMessage());
            assertEquals(1, created.get());
        }
    }

    @Test
    void closeStopsTheFrameworkAndRemovesThisProcessCache() {
        Path home = TestHomes.create(dir.resolve("home"));
        VivariumHost host = new VivariumHost(HostOptions.forHome(home), TestHomes.stubRuntime());
        host.start();
        Path cache = home.resolve("felix-cache/run-" + ProcessHandle.current().pid());
        assertTrue(Files.isDirectory(cache));
        host.close();
        host.close(); // idempotent
        assertFalse(Files.exists(cache));
        assertThrows(IllegalStateException.class, host::methods);
        assertTrue(Await.until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("Felix")), java.time.Duration.ofSeconds(5)),
                "Felix threads must end so the JVM can exit");
    }

    @Test
    void missingCoreBundlesIsOneClearError() {
        Path home = dir.resolve("empty-home");
        VivariumException e = assertThrows(VivariumException.class, () -> HostOptions.forHome(home));
        assertTrue(e.getMessage().startsWith("no OSGi runtime bundles in " + home.resolve("bundles")), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B -ntp -DskipTests package"), e.getMessage());
    }

    @Test
    void coreBundlesWithoutScrAreRejectedAndTheFrameworkStopped() {
        Path home = TestHomes.create(dir.resolve("home"));
        List<Path> withoutScr = TestHomes.coreBundles().stream()
                .filter(p -> !p.getFileName().toString().contains("felix.scr")).toList();
        VivariumHost host = new VivariumHost(HostOptions.forHome(home).withCoreBundles(withoutScr), TestHomes.stubRuntime());
        VivariumException e = assertThrows(VivariumException.class, host::start);
        assertTrue(e.getMessage().contains("org.apache.felix.scr"), e.getMessage());
        assertThrows(IllegalStateException.class, host::methods);
    }
}
