package org.vivarium.report.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class ProgressBarTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /** Advances {@code steps} times by {@code units}, moving the fake clock {@code msPerStep} before each. */
    private void run(ProgressBar bar, int steps, long units, long msPerStep) {
        for (int i = 0; i < steps; i++) {
            now.addAndGet(msPerStep * MS);
            bar.advance(units);
        }
    }

    @Test
    void plainModeShowsPercentRateEtaAndMetrics() {
        ProgressBar bar = ProgressBar.builder("train").total(10_000).unit("step").out(out).interactive(false)
                .clock(now::get).build();
        bar.metric("loss", 2.31449);
        bar.metric("tok/s", 51_234);
        run(bar, 470, 10, 25);       // 4700 steps in 11.75 s, at a steady 400 step/s
        run(bar, 10, 0, 25);         // idle until 12 s
        bar.close();
        String[] lines = output().split("\n");
        assertEquals(3, lines.length, "lines at 5 s and 10 s, then the final line: " + output());
        assertEquals("train   20% |####                | 2000/10000 step  [00:05<00:20, 400 step/s] "
                + "loss=2.314 tok/s=51.2k", lines[0]);
        assertEquals("train   40% |########            | 4000/10000 step  [00:10<00:15, 400 step/s] "
                + "loss=2.314 tok/s=51.2k", lines[1]);
        assertEquals("train   47% |#########           | 4700/10000 step  [00:12<00:14, 391.7 step/s] "
                + "loss=2.314 tok/s=51.2k", lines[2]);
    }

    @Test
    void rateIsSmoothedAndEtaFollowsIt() {
        ProgressBar bar = ProgressBar.builder("").total(100_000).out(out).interactive(false)
                .interval(Duration.ofMillis(5500)).clock(now::get).build();
        run(bar, 50, 10, 100);       // 100 it/s for 5 s
        run(bar, 5, 100, 100);       // then 1000 it/s for 0.5 s
        bar.close();
        String[] lines = output().split("\n");
        assertEquals(2, lines.length, output());
        // EMA with weight 0.3 per 0.1 s sample: 100 -> 370 -> 559 -> 691.3 -> 783.9 -> 848.7; ETA 99000 / 848.7 s
        assertEquals("  1% |                    | 1000/100000 it  [00:06<01:57, 848.7 it/s]", lines[0]);
        // the final line reports the overall average, (500 + 500) / 5.5 s
        assertTrue(lines[1].startsWith("  1% |") && lines[1].endsWith(", 181.8 it/s]"), lines[1]);
    }

    @Test
    void plainModeIsThrottledToOneLinePerInterval() {
        ProgressBar bar = ProgressBar.builder("index").total(1_000_000).unit("doc").out(out).interactive(false)
                .clock(now::get).build();
        run(bar, 60_000, 1, 1);      // one minute of updates every millisecond
        bar.close();
        String[] lines = output().split("\n");
        assertEquals(13, lines.length, "12 lines at 5 s intervals plus the final line");
        assertTrue(lines[12].startsWith("index    6% |#"), lines[12]);
        assertTrue(lines[12].contains("60000/1000000 doc  [01:00<15:40, 1000 doc/s]"), lines[12]);
    }

    @Test
    void interactiveModeRedrawsInPlaceAndEndsWithNewline() {
        ProgressBar bar = ProgressBar.builder("eval").total(4).unit("batch").out(out).interactive(true)
                .clock(now::get).build();
        run(bar, 4, 1, 500);
        bar.close();
        String s = output();
        assertTrue(s.startsWith("\reval    0% |"), s);
        assertEquals(6, s.split("\r", -1).length - 1, "initial draw, four updates and the final draw");
        assertTrue(s.endsWith("eval  100% |####################| 4/4 batch  [00:02<00:00, 2 batch/s]\n"), s);
        assertTrue(s.indexOf('\n') == s.length() - 1, "only the final newline");
    }

    @Test
    void unknownTotalShowsCountAndRateOnly() {
        ProgressBar bar = ProgressBar.builder("scan").unit("tok").out(out).interactive(false).clock(now::get).build();
        run(bar, 20, 1000, 250);
        bar.close();
        String last = output().trim().lines().reduce((a, b) -> b).orElseThrow();
        assertEquals("scan  20000 tok  [00:05, 4000 tok/s]", last);
    }

    @Test
    void slowWorkShowsSecondsPerUnitAndLongRunsShowHours() {
        ProgressBar bar = ProgressBar.builder("epoch").total(3).unit("epoch").out(out).interactive(false)
                .clock(now::get).build();
        run(bar, 2, 1, 2_700_000);   // 45 min per epoch
        bar.close();
        String last = output().trim().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("2/3 epoch  [1:30:00<45:00, 2700 s/epoch]"), last);
    }

    @Test
    void closeIsIdempotentAndLaterAdvancesAreIgnored() {
        ProgressBar bar = ProgressBar.builder("x").total(10).out(out).interactive(false).clock(now::get).build();
        bar.advance(3);
        bar.close();
        String once = output();
        bar.close();
        bar.advance(5);
        assertEquals(once, output());
        assertEquals(3, bar.count());
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(VivariumException.class, () -> ProgressBar.builder("x").total(0));
        assertThrows(VivariumException.class, () -> ProgressBar.builder("x").interval(Duration.ZERO));
        assertThrows(VivariumException.class, () -> ProgressBar.builder("x").width(1));
        ProgressBar bar = ProgressBar.builder("x").out(out).interactive(false).clock(now::get).build();
        assertThrows(IllegalArgumentException.class, () -> bar.advance(-1));
    }
}
