package org.vivarium.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vivarium.launcher.support.CliRun;

/**
 * {@code viv bench forward --model minilm} at test size (6 sentences, batch 3, one round): both engines run the real
 * MiniLM on real sentences with padding masks, agree on the hidden states, and the output carries each engine's
 * tokens/s, the ratio, the thread counts and the load average.
 */
class MiniLmBenchTest {
    private static final Pattern MEDIAN = Pattern.compile("^ {2}(vivarium|onnxruntime) +median +([0-9,]+) tokens/s",
            Pattern.MULTILINE);
    private static final Pattern RATIO = Pattern.compile("ratio vivarium / onnxruntime: ([0-9.]+) ");
    private static final Pattern BATCH = Pattern.compile("batch 3: 2 batches, ([0-9,]+) real tokens \\+ ([0-9,]+)"
            + " padding .* max \\|diff\\| of the last hidden state on batch 1: ([0-9.e+-]+)");

    @Test
    void bothEnginesFiguresAndTheirRatioArePrinted() {
        CliRun run = CliRun.slow(Duration.ofMinutes(3), "bench", "forward", "--model", "minilm", "--sentences", "6",
                "--batch", "3", "--rounds", "1", "--threads", "1");
        String out = run.out();
        assertEquals(0, run.code(), out + run.err());
        assertTrue(out.contains("threads: PyTorch intra-op 1, inter-op 1; ONNX Runtime 1.29.0 intra-op 1, inter-op 1"),
                out);
        assertTrue(out.contains("sentences: 6 State of the Union sentences"), out);
        assertTrue(out.lines().filter(l -> l.startsWith("load average at ")).count() == 2, out);
        Matcher b = BATCH.matcher(out);
        assertTrue(b.find(), out);
        assertTrue(number(b.group(1)) > 6 * 7, "real tokens: " + b.group(1));
        assertTrue(number(b.group(2)) > 0, "sentences of different lengths need padding: " + b.group(2));
        assertTrue(Double.parseDouble(b.group(3)) < 1e-4, "the engines compute the same hidden states: " + b.group(3));
        Matcher m = MEDIAN.matcher(out);
        assertTrue(m.find() && m.group(1).equals("vivarium"), out);
        double ours = number(m.group(2));
        assertTrue(m.find() && m.group(1).equals("onnxruntime"), out);
        double ort = number(m.group(2));
        assertTrue(ours > 0 && ort > 0, out);
        Matcher r = RATIO.matcher(out);
        assertTrue(r.find(), out);
        assertEquals(ours / ort, Double.parseDouble(r.group(1)), 0.01 + 1.0 / ort, "ratio of the printed medians");
    }

    @Test
    void anUnknownModelOrBatchListIsOneUsageError() {
        CliRun model = CliRun.viv("bench", "forward", "--model", "gpt2");
        assertEquals(2, model.code(), model.err());
        assertEquals(1, model.errLines().size(), model.err());
        assertTrue(model.errLines().get(0).startsWith("error: no benchmark for model \"gpt2\" (supported: minilm,"),
                model.err());
        CliRun batch = CliRun.viv("bench", "forward", "--model", "minilm", "--batch", "4,0");
        assertEquals(2, batch.code(), batch.err());
        assertEquals(1, batch.errLines().size(), batch.err());
        assertTrue(batch.errLines().get(0).startsWith("error: --batch \"4,0\" must be batch sizes from 1 to"),
                batch.err());
    }

    private static double number(String grouped) {
        return Double.parseDouble(grouped.replace(",", ""));
    }
}
