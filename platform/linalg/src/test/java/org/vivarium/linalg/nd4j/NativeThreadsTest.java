package org.vivarium.linalg.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class NativeThreadsTest {
    @Test
    void thePropertyWinsOverOmpNumThreads() {
        assertEquals(3, NativeThreads.threadCount("3", Map.of("OMP_NUM_THREADS", "1")));
        assertEquals(1, NativeThreads.threadCount(null, Map.of("OMP_NUM_THREADS", "1")));
        assertEquals(Runtime.getRuntime().availableProcessors(), NativeThreads.threadCount(" ", Map.of()));
    }

    @Test
    void aBadCountIsAClearError() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> NativeThreads.threadCount("two", Map.of()));
        assertEquals("-Dvivarium.nd4j.threads must be a whole number >= 1, got \"two\"", e.problem());
        assertThrows(VivariumException.class, () -> NativeThreads.threadCount(null, Map.of("OMP_NUM_THREADS", "0")));
    }

    @Test
    void theBackendStartsOnTheConfiguredCount() {
        // surefire sets OMP_NUM_THREADS=1 for every test JVM (root pom)
        assertEquals(NativeThreads.threadCount(System.getProperty(NativeThreads.PROPERTY), System.getenv()),
                Nd4jLinearAlgebra.shared().start());
        assertEquals(Nd4jLinearAlgebra.shared().start(), org.nd4j.linalg.factory.Nd4j.getEnvironment().maxThreads());
    }
}
