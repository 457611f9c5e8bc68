package org.vivarium.plugin.sae.bench;

import java.util.Locale;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.sae.data.ArrayRowSource;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.math.Workers;
import org.vivarium.plugin.sae.train.LossLog;
import org.vivarium.plugin.sae.train.SaeConfig;
import org.vivarium.plugin.sae.train.SaeTrainer;
import org.vivarium.plugin.sae.train.TrainResult;

/**
 * Times SAE training on synthetic sparse rows held in memory (no cache I/O) and relates it to the matmul
 * peak of the same loops. FLOPs counted per token are those the sparse implementation executes:
 * {@code 2 d n} for the encoder plus {@code 8 d L0} for decoding and the sparse backward pass (Adam's
 * per-step work is not counted).
 */
public final class SaeBenchmark {
    private SaeBenchmark() {
    }

    /**
     * One measurement.
     *
     * @param kind the SAE kind
     * @param dIn input width
     * @param latents dictionary size
     * @param batch rows per step
     * @param threads worker threads
     * @param steps steps timed
     * @param tokensPerSecond training throughput
     * @param meanL0 mean L0 over the timed steps
     * @param flopsPerToken executed FLOPs per token
     * @param peak1 matmul GFLOP/s with one thread
     * @param peakN matmul GFLOP/s with {@code threads} threads
     */
    public record Result(SaeKind kind, int dIn, int latents, int batch, int threads, long steps, double tokensPerSecond,
            double meanL0, double flopsPerToken, double peak1, double peakN) {

        /** @return achieved GFLOP/s */
        public double gflops() {
            return tokensPerSecond * flopsPerToken / 1e9;
        }

        /** @return achieved rate over the matmul peak with the same thread count */
        public double fractionOfPeak() {
            return gflops() / peakN;
        }

        /** @return a Markdown table of the figures */
        public String markdown() {
            return String.format(Locale.ROOT, "| figure | value |%n|---|---|%n"
                    + "| SAE | %s, d_in %d, %d latents, batch %d, %d thread(s), %d steps |%n"
                    + "| training throughput | %,.0f tokens/s |%n| mean L0 while timed | %.1f |%n"
                    + "| executed FLOPs per token (2 d n + 8 d L0) | %,.0f |%n| achieved | %.2f GFLOP/s |%n"
                    + "| matmul peak, same loops, 1 thread | %.2f GFLOP/s |%n"
                    + "| matmul peak, same loops, %d thread(s) | %.2f GFLOP/s |%n| fraction of peak | %.0f%% |%n",
                    kind.label(), dIn, latents, batch, threads, steps, tokensPerSecond, meanL0, flopsPerToken,
                    gflops(), peak1, threads, peakN, 100 * fractionOfPeak());
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param kind the SAE kind
     * @param dIn input width
     * @param latents dictionary size
     * @param k TopK's k
     * @param batch rows per step
     * @param steps steps to time (after a warm-up of a fifth as many)
     * @param threads worker threads
     * @param progress advanced in tokens
     * @return the figures
     */
    public static Result run(SaeKind kind, int dIn, int latents, int k, int batch, long steps, int threads,
            Progress progress) {
        float[][] rows = SyntheticActivations.generate(65_536, dIn, 4 * latents, 32, 11);
        SaeConfig warm = new SaeConfig(kind, latents, k, 0.02, 1e-3, batch, Math.max(10, steps / 5), 1, 0, threads,
                16_384);
        new SaeTrainer(warm).train(new ArrayRowSource(rows), new ArrayRowSource(new float[][] {rows[0]}), null,
                progress);
        SaeConfig cfg = warm.withSteps(steps);
        TrainResult r = new SaeTrainer(cfg).train(new ArrayRowSource(rows), new ArrayRowSource(new float[][] {rows[0]}),
                null, progress);
        double l0 = 0;
        for (LossLog.Point p : r.log().points()) {
            l0 += p.l0();
        }
        l0 /= Math.max(1, r.log().points().size());
        double flops = 2.0 * dIn * latents + 8.0 * dIn * l0;
        double peak1;
        double peakN;
        try (Workers one = new Workers(1); Workers many = new Workers(threads)) {
            peak1 = MatmulPeak.gflops(batch, dIn, latents, one, 1.5);
            peakN = threads == 1 ? peak1 : MatmulPeak.gflops(batch, dIn, latents, many, 1.5);
        }
        return new Result(kind, dIn, latents, batch, threads, steps, r.tokensPerSecond(), l0, flops, peak1, peakN);
    }
}
