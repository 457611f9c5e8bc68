package org.vivarium.report.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

/** The library-drawn bar on real time, sized to run in about two seconds. */
class ProgressBarTest {
    private static final Pattern PLAIN = Pattern.compile(
            "train +\\d+% \\[[=> ]+\\] +\\d+/1000 step \\(\\d:\\d\\d:\\d\\d / \\d:\\d\\d:\\d\\d\\) \\d+\\.\\d step/s "
                    + "loss=2\\.314 tok/s=51\\.2k");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private List<String> lines() {
        return output().lines().filter(l -> !l.isBlank()).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void plainModeShowsPercentCountsTimeEtaRateAndMetrics() {
        ProgressBar bar = ProgressBar.builder("train").total(1000).unit("step").out(out).interactive(false)
                .interval(Duration.ofMillis(150)).build();
        bar.metric("loss", 2.31449);
        bar.metric("tok/s", 51_234);
        for (int i = 0; i < 6; i++) {
            sleep(200);
            bar.advance(100);
        }
        bar.close();
        List<String> lines = lines();
        assertFalse(output().contains("\r"), "no carriage returns in logs: " + output());
        assertTrue(lines.size() >= 2, "periodic lines and a final one: " + output());
        String last = lines.get(lines.size() - 1);
        assertTrue(PLAIN.matcher(last).matches(), "rate and ETA known after the first second: " + last);
        assertTrue(last.startsWith("train  60% ["), last);
        assertTrue(last.contains(" 600/1000 step "), last);
        assertTrue(lines.stream().allMatch(l -> l.endsWith(" loss=2.314 tok/s=51.2k")), output());
        assertEquals(lines.size(), lines.stream().distinct().count(), "no line printed twice: " + output());
    }

    @Test
    void plainModeIsThrottledAndQuietWhileNothingMoves() {
        ProgressBar bar = ProgressBar.builder("index").total(1_000_000).unit("doc").out(out).interactive(false)
                .interval(Duration.ofMillis(200)).build();
        long end = System.nanoTime() + 700_000_000L;
        while (System.nanoTime() < end) {
            bar.advance(1);
        }
        sleep(300);
        int moving = lines().size();
        sleep(600);
        assertEquals(moving, lines().size(), "no new line while the count stands still: " + output());
        bar.close();
        assertTrue(moving <= 7, "at most one line per 200 ms over 1 s, got " + moving + ": " + output());
        assertEquals(moving + 1, lines().size(), "the final line: " + output());
    }

    @Test
    void interactiveModeRedrawsInPlaceAndEndsWithNewline() {
        ProgressBar bar = ProgressBar.builder("eval").total(4).unit("batch").out(out).interactive(true).build();
        for (int i = 0; i < 4; i++) {
            sleep(120);
            bar.advance(1);
        }
        bar.close();
        String s = output();
        assertTrue(s.split("\r", -1).length - 1 >= 3, "redrawn in place several times: " + s);
        assertTrue(s.endsWith("\n"), s);
        assertTrue(s.strip().lines().reduce((a, b) -> b).orElseThrow().contains("eval 100% ["), s);
        assertTrue(s.contains("4/4 batch"), s);
    }

    @Test
    void unknownTotalShowsCountTimeAndRate() {
        ProgressBar bar = ProgressBar.builder("scan").unit("tok").out(out).interactive(false).build();
        sleep(50);
        bar.advance(20_000);
        bar.close();
        String last = lines().get(lines().size() - 1);
        assertTrue(last.matches("scan +\\? % \\[ *= *\\] 20000/\\? tok \\(\\d:\\d\\d:\\d\\d / \\?\\) \\? tok/s"), last);
    }

    @Test
    void closeIsIdempotentAndLaterAdvancesAreIgnored() {
        ProgressBar bar = ProgressBar.builder("x").total(10).out(out).interactive(false).build();
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
        try (ProgressBar bar = ProgressBar.builder("x").out(out).interactive(false).build()) {
            assertThrows(IllegalArgumentException.class, () -> bar.advance(-1));
        }
    }
}
