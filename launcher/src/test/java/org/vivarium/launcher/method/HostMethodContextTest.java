package org.vivarium.launcher.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vivarium.api.method.Progress;
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
}
