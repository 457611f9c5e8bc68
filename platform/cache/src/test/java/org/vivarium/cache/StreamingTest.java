package org.vivarium.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams 200 MiB through a child JVM whose heap is 48 MiB. */
class StreamingTest {

    @Test
    void streamsARunFourTimesLargerThanTheHeap(@TempDir Path dir) throws Exception {
        try (ChildJvm child = ChildJvm.start("-Xmx48m", StreamChild.class, dir.toString(), "200")) {
            StringBuilder out = new StringBuilder();
            String line;
            while ((line = child.readLine()) != null) {
                out.append(line).append('\n');
            }
            assertEquals(0, child.waitFor(), out.toString());
            long rows = (200L << 20) / (768 * 4);
            assertEquals(true, out.toString().contains("ok rows=" + rows + " "), out.toString());
        }
    }
}
