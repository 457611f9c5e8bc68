package org.vivarium.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookFilter;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.checkpoint.encoder.EncoderCheckpoint;
import org.vivarium.checkpoint.tokenizer.WordPieceTokenizer;
import org.vivarium.importer.MiniLmImporter;
import org.vivarium.importer.OnnxBertImporter;
import org.vivarium.importer.onnx.OnnxReader;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.encoder.DjlEncoder;
import org.vivarium.runtime.encoder.EncoderBatch;
import org.vivarium.runtime.nd.DjlEngine;

/**
 * {@code viv bench forward --model minilm}: forward throughput of the imported MiniLM-L6 encoder in Vivarium's hooked
 * DJL runtime against ONNX Runtime running the original ONNX file, on the same State of the Union sentences, the same
 * batches and the same thread counts, interleaved in one process.
 *
 * <p>Batches are consecutive sentences in corpus order, right-padded to the longest sentence of the batch with
 * attention mask 0, so every batch above size 1 carries a padding mask. Each batch size gets one warm-up round per
 * engine (which also checks that both engines compute the same hidden states), then {@code rounds} measured rounds per
 * engine in alternating order (Vivarium first in even rounds, ONNX Runtime first in odd ones). A round runs every
 * batch once; its throughput counts real tokens (with [CLS] and [SEP], without padding) per second of wall time,
 * from token ids to the last hidden state in a Java {@code float[]} on both sides.
 */
final class MiniLmBenchmark {
    static final String VIVARIUM = "vivarium";
    static final String ORT = "onnxruntime";

    private MiniLmBenchmark() {
    }

    /**
     * Runs the benchmark and prints its figures.
     *
     * @param o options
     * @param out where to print
     */
    static void run(MiniLmBenchOptions o, PrintStream out) {
        out.println("load average at start: " + loadAverage());
        String torchThreads = TorchThreads.pin(o.threads());
        byte[] onnx = resource(MiniLmImporter.ONNX_RESOURCE);
        String tokenizer = new String(resource(MiniLmImporter.TOKENIZER_RESOURCE), StandardCharsets.UTF_8);
        String sha = Provenances.sha256(onnx);
        EncoderCheckpoint ck = OnnxBertImporter.convert(OnnxReader.parse(ByteBuffer.wrap(onnx),
                MiniLmImporter.ONNX_RESOURCE), MiniLmImporter.ONNX_RESOURCE, tokenizer, MiniLmImporter.TOKENIZER_RESOURCE,
                "bench/minilm", Map.of("source.onnx_sha256", sha), out);
        WordPieceTokenizer tok = (WordPieceTokenizer) ck.tokenizer();
        List<String> sentences = SotuSentences.spread(o.sentences());
        List<int[]> ids = sentences.stream().map(tok::encode).toList();
        long tokens = ids.stream().mapToLong(s -> s.length).sum();
        out.printf(Locale.ROOT, "sentences: %d State of the Union sentences (%d-%d words, spread over the 1990-2021"
                + " addresses), %,d tokens with [CLS]/[SEP]%n", sentences.size(), SotuSentences.MIN_WORDS,
                SotuSentences.MAX_WORDS, tokens);
        out.println("batches: consecutive sentences in corpus order, right-padded to the batch's longest with"
                + " attention mask 0; tokens/s counts real tokens, not padding");
        try (DjlModelRuntime rt = new DjlModelRuntime();
                DjlEncoder enc = DjlEncoder.fromCheckpoint(ck, rt.manager());
                OrtEncoder ort = new OrtEncoder(onnx, o.threads())) {
            out.printf("threads: PyTorch %s; %s%n", torchThreads, ort.describe());
            out.printf("engines: %s; ONNX file %s%n", DjlEngine.describe(), sha);
            Function<EncoderBatch, float[]> ours = b -> enc.run(b, List.of(), HookFilter.NONE).logits().data();
            for (int size : o.batches()) {
                measure(batches(ids, size, tok.padId()), tokens, o.rounds(), ours, ort::run,
                        ck.config().base().dModel(), out);
            }
        }
        out.println("load average at end: " + loadAverage());
    }

    private static void measure(List<EncoderBatch> batches, long tokens, int rounds,
            Function<EncoderBatch, float[]> ours, Function<EncoderBatch, float[]> ort, int d, PrintStream out) {
        long positions = batches.stream().mapToLong(b -> (long) b.size() * b.length()).sum();
        EncoderBatch first = batches.get(0);
        out.printf(Locale.ROOT, "batch %d: %d batches, %,d real tokens + %,d padding (%.1f%%); %d rounds per engine,"
                + " alternating order; max |diff| of the last hidden state on batch 1: %.2g%n", first.size(),
                batches.size(), tokens, positions - tokens, 100.0 * (positions - tokens) / positions, rounds,
                maxDiff(first, ours.apply(first), ort.apply(first), d));
        round(batches, ours, tokens);
        round(batches, ort, tokens);
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                a[r] = round(batches, ours, tokens);
                b[r] = round(batches, ort, tokens);
            } else {
                b[r] = round(batches, ort, tokens);
                a[r] = round(batches, ours, tokens);
            }
        }
        Spread va = Spread.of(a);
        Spread vb = Spread.of(b);
        Spread ratio = Spread.ofRatios(a, b);
        print(out, VIVARIUM, va);
        print(out, ORT, vb);
        out.printf(Locale.ROOT, "  ratio %s / %s: %.2f (median of the %d rounds' ratios; range %.2f-%.2f)%n",
                VIVARIUM, ORT, ratio.median(), rounds, ratio.min(), ratio.max());
    }

    private static void print(PrintStream out, String engine, Spread s) {
        out.printf(Locale.ROOT, "  %-11s median %,9.0f tokens/s  (min %,.0f, max %,.0f)%n", engine, s.median(),
                s.min(), s.max());
    }

    /** Runs every batch once and returns real tokens per second. */
    private static double round(List<EncoderBatch> batches, Function<EncoderBatch, float[]> engine, long tokens) {
        long t0 = System.nanoTime();
        for (EncoderBatch b : batches) {
            engine.apply(b);
        }
        return tokens / ((System.nanoTime() - t0) / 1e9);
    }

    private static List<EncoderBatch> batches(List<int[]> ids, int size, int padId) {
        List<EncoderBatch> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            out.add(EncoderBatch.padded(ids.subList(from, Math.min(ids.size(), from + size)), padId));
        }
        return out;
    }

    /** The largest absolute difference over real (unpadded) positions of two {@code [batch, pos, d]} arrays. */
    private static double maxDiff(EncoderBatch b, float[] x, float[] y, int d) {
        if (x.length != y.length) {
            throw new VivariumException("the engines' hidden states differ in size (" + x.length + " vs " + y.length
                    + ")", "report this with the command line");
        }
        double m = 0;
        for (int r = 0; r < b.size(); r++) {
            for (int p = 0; p < b.length(); p++) {
                if (b.attentionMask()[r][p] == 0) {
                    continue;
                }
                int base = (r * b.length() + p) * d;
                for (int i = 0; i < d; i++) {
                    m = Math.max(m, Math.abs(x[base + i] - y[base + i]));
                }
            }
        }
        return m;
    }

    private static byte[] resource(String name) {
        try (InputStream in = MiniLmBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new VivariumException("the MiniLM file " + name + " is not on the classpath (it ships in "
                        + MiniLmImporter.GROUP_ID + ":" + MiniLmImporter.ARTIFACT_ID + ")",
                        "rebuild Vivarium with 'mvn -B -ntp -DskipTests package'");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new VivariumException("cannot read " + name + " (" + e.getMessage() + ")",
                    "check that the MiniLM jar in the launcher's lib/ is intact", e);
        }
    }

    /** The 1-, 5- and 15-minute load averages and the processor count. */
    static String loadAverage() {
        int cpus = Runtime.getRuntime().availableProcessors();
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (" + cpus + " processors)";
        } catch (IOException | RuntimeException e) {
            double one = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return String.format(Locale.ROOT, "%.2f (1 min; %d processors)", one, cpus);
        }
    }
}
