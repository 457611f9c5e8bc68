package org.vivarium.launcher.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.RunSpec;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.train.FineTuner;
import org.vivarium.launcher.support.TestHomes;

class HostMethodContextTest {

    @Test
    void runtimeIsOnlyCreatedWhenAskedForAndProgressEndsWithASummary() {
        AtomicInteger created = new AtomicInteger();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        HostMethodContext context = new HostMethodContext(() -> {
            created.incrementAndGet();
            return TestHomes.stubRuntime().get();
        }, System.out, Path.of("/work"), ReportProgress.factory(errStream));
        assertEquals(Path.of("/work"), context.workDir());
        assertEquals(0, created.get());
        assertEquals("test engine", context.runtime().engineDescription());
        assertEquals(1, created.get());
        try (Progress progress = context.progress("fit", 3, "step")) {
            progress.advance(3);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("fit") && text.contains("3/3 step"), text);
    }

    @Test
    void fineTunerIsTheSuppliedServiceAndNeedsTheDjlRuntimeByDefault() {
        FineTuner given = (request, progress) -> {
            throw new UnsupportedOperationException("not run here");
        };
        HostMethodContext explicit = new HostMethodContext(TestHomes.stubRuntime(), () -> given, System.out,
                Path.of("/work"), ReportProgress.factory(System.err));
        assertSame(given, explicit.fineTuner());
        HostMethodContext derived = new HostMethodContext(TestHomes.stubRuntime(), System.out, Path.of("/work"),
                ReportProgress.factory(System.err));
        VivariumException e = assertThrows(VivariumException.class, derived::fineTuner);
        assertTrue(e.getMessage().contains("test engine"), e.getMessage());
    }

    @Test
    void openCacheOpensTheMapDbStoreAndReadsBackWhatWasWritten(@TempDir Path dir) {
        HostMethodContext context = new HostMethodContext(TestHomes.stubRuntime(), System.out, dir,
                ReportProgress.factory(System.err));
        Path store = dir.resolve("runs/cache");
        try (ActivationCache cache = context.openCache(store)) {
            try (RunWriter w = cache.newRun(new RunSpec("r1", "m", "", "", 1, null, null))) {
                w.append("blocks.0.hook_resid_post", 0, 2, new float[] {1f, 2f});
                w.finish();
            }
        }
        try (ActivationCache again = context.openCache(store)) {
            assertEquals(1, again.run("r1").orElseThrow().totalRows());
            assertEquals(2f, again.get("r1", "blocks.0.hook_resid_post", 0, 2).orElseThrow()[1]);
        }
        MethodContext bare = new MethodContext() {
            @Override
            public org.vivarium.api.model.ModelRuntime runtime() {
                return TestHomes.stubRuntime().get();
            }

            @Override
            public PrintStream out() {
                return System.out;
            }

            @Override
            public Path workDir() {
                return dir;
            }

            @Override
            public Progress progress(String label, long total, String unit) {
                return ReportProgress.factory(System.err).start(label, total, unit);
            }
        };
        VivariumException e = assertThrows(VivariumException.class, () -> bare.openCache(store));
        assertTrue(e.getMessage().contains("no activation cache"), e.getMessage());
    }
}
