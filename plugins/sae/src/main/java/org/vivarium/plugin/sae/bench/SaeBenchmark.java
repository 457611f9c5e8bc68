package org.vivarium.plugin.sae.bench;

import java.util.Locale;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.sae.data.ArrayRowSource;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.train.LossLog;
import org.vivarium.plugin.sae.train.SaeConfig;
import org.vivarium.plugin.sae.train.SaeTrainer;
import org.vivarium.plugin.sae.train.StepTimes;
import org.vivarium.plugin.sae.train.TrainResult;

/**
 * Times SAE training on synthetic sparse rows held in memory (no cache I/O) and relates it to the sgemm limit
 * measured in the same run with the same library (the host's {@link LinearAlgebra}, which the encoder's product
 * also goes through). FLOPs counted per token are those the sparse implementation needs: {@code 2 d n} for the
 * encoder product plus {@code 8 d L0} for decoding and the sparse backward pass (the encoder's bias column and
 * Adam's per-step work are not counted). The limit is the faster of two products: the encoder's own shape
 * {@code [batch, d_in] x [d_in, latents]} and a square {@value #SQUARE}-sized one. The result also says how far
 * any implementation on this sgemm could go: the fraction reached if the encoder product were the only cost
 * ({@link Result#encoderOnlyCeiling}), and the time per step left for everything else at 50% of the limit.
 */
public final class SaeBenchmark {
    /** The side of the square sgemm measured as a second reference. */
    public static final int SQUARE = 1024;

    private SaeBenchmark() {
    }

    /**
     * One measurement.
     *
     * @param kind the SAE kind
     * @param dIn input width
     * @param latents dictionary size
     * @param batch rows per step
     * @param threads Java worker threads
     * @param nativeThreads the linear-algebra service's native threads
     * @param steps steps timed
     * @param tokensPerSecond training throughput
     * @param meanL0 mean L0 over the timed steps
     * @param flopsPerToken counted FLOPs per token
     * @param sgemmEncoderShape sgemm GFLOP/s at the encoder's shape
     * @param sgemmSquare sgemm GFLOP/s at {@value SaeBenchmark#SQUARE} cubed
     * @param times where the timed steps spent their time
     */
    public record Result(SaeKind kind, int dIn, int latents, int batch, int threads, int nativeThreads, long steps,
            double tokensPerSecond, double meanL0, double flopsPerToken, double sgemmEncoderShape, double sgemmSquare,
            StepTimes times) {

        /** @return achieved GFLOP/s */
        public double gflops() {
            return tokensPerSecond * flopsPerToken / 1e9;
        }

        /** @return the sgemm limit: the faster of the two measured products */
        public double sgemmLimit() {
            return Math.max(sgemmEncoderShape, sgemmSquare);
        }

        /** @return achieved rate over the sgemm limit */
        public double fractionOfLimit() {
            return gflops() / sgemmLimit();
        }

        /** @return FLOPs per token of the encoder product as it runs, {@code 2 (d_in + 1) n} (the bias is a column) */
        public double encoderFlopsPerToken() {
            return 2.0 * (dIn + 1) * latents;
        }

        /**
         * The fraction of the limit this SAE would reach if its encoder product, running at the sgemm rate measured for
         * its shape, were the only thing that took time: the most any implementation built on this sgemm can reach,
         * however fast its sparse part.
         *
         * @return counted FLOPs over the encoder product's time, over the limit
         */
        public double encoderOnlyCeiling() {
            return flopsPerToken / encoderFlopsPerToken() * sgemmEncoderShape / sgemmLimit();
        }

        /** @return milliseconds per step at half the sgemm limit (the target) */
        public double halfLimitStepMillis() {
            return 1e3 * batch * flopsPerToken / (0.5 * sgemmLimit() * 1e9);
        }

        /** @return milliseconds per step of the encoder product alone at the sgemm rate measured for its shape */
        public double encoderProductMillis() {
            return 1e3 * batch * encoderFlopsPerToken() / (sgemmEncoderShape * 1e9);
        }

        /** @return milliseconds per step measured outside the encoder phase: sparse pass, Adam and the rest */
        public double restMillis() {
            return times.perStepMillis(times.totalSeconds() - times.encoderSeconds());
        }

        /** @return a Markdown table of the figures */
        public String markdown() {
            return String.format(Locale.ROOT, "| figure | value |%n|---|---|%n"
                    + "| SAE | %s, d_in %d, %d latents, batch %d, %d worker thread(s), %d native thread(s), %d steps"
                    + " |%n| training throughput | %,.0f tokens/s |%n| mean L0 while timed | %.1f |%n"
                    + "| counted FLOPs per token (2 d n + 8 d L0) | %,.0f |%n| achieved | %.2f GFLOP/s |%n"
                    + "| sgemm, encoder shape %d x %d x %d | %.2f GFLOP/s |%n"
                    + "| sgemm, %d x %d x %d | %.2f GFLOP/s |%n| fraction of the sgemm limit | %.0f%% |%n"
                    + "| ms per step: encoder sgemm / sparse pass / Adam / other | %.3f / %.3f / %.3f / %.3f |%n"
                    + "| ceiling: only the encoder product takes time, at its shape's sgemm rate | %.0f%% |%n"
                    + "| ms per step at 50%%: whole step / encoder product at that rate / left for the rest | %.3f / %.3f"
                    + " / %.3f |%n| ms per step measured outside the encoder phase | %.3f |%n",
                    kind.label(), dIn, latents, batch, threads, nativeThreads, steps, tokensPerSecond, meanL0,
                    flopsPerToken, gflops(), batch, dIn, latents, sgemmEncoderShape, SQUARE, SQUARE, SQUARE,
                    sgemmSquare, 100 * fractionOfLimit(), times.perStepMillis(times.encoderSeconds()),
                    times.perStepMillis(times.sparseSeconds()), times.perStepMillis(times.optimizerSeconds()),
                    times.perStepMillis(times.otherSeconds()), 100 * encoderOnlyCeiling(), halfLimitStepMillis(),
                    encoderProductMillis(), halfLimitStepMillis() - encoderProductMillis(), restMillis());
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
     * @param threads Java worker threads
     * @param linearAlgebra the host's service (the encoder product and the sgemm reference)
     * @param progress advanced in tokens
     * @return the figures
     */
    public static Result run(SaeKind kind, int dIn, int latents, int k, int batch, long steps, int threads,
            LinearAlgebra linearAlgebra, Progress progress) {
        float[][] rows = SyntheticActivations.generate(65_536, dIn, 4 * latents, 32, 11);
        SaeConfig warm = new SaeConfig(kind, latents, k, 0.02, 1e-3, batch, Math.max(10, steps / 5), 1, 0, threads,
                16_384);
        new SaeTrainer(warm, linearAlgebra).train(new ArrayRowSource(rows), new ArrayRowSource(new float[][] {rows[0]}), null,
                progress);
        SaeConfig cfg = warm.withSteps(steps);
        TrainResult r = new SaeTrainer(cfg, linearAlgebra).train(new ArrayRowSource(rows), new ArrayRowSource(new float[][] {rows[0]}),
                null, progress);
        double l0 = 0;
        for (LossLog.Point p : r.log().points()) {
            l0 += p.l0();
        }
        l0 /= Math.max(1, r.log().points().size());
        double flops = 2.0 * dIn * latents + 8.0 * dIn * l0;
        double encoderShape = SgemmRate.gflops(linearAlgebra, batch, dIn, latents, 1.5);
        double square = SgemmRate.gflops(linearAlgebra, SQUARE, SQUARE, SQUARE, 1.5);
        return new Result(kind, dIn, latents, batch, threads, linearAlgebra.threads(), steps, r.tokensPerSecond(), l0,
                flops, encoderShape, square, r.times());
    }
}
