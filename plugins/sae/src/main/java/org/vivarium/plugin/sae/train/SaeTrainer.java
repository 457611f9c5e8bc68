package org.vivarium.plugin.sae.train;

import java.util.SplittableRandom;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.sae.data.DataStats;
import org.vivarium.plugin.sae.data.RowSource;
import org.vivarium.plugin.sae.data.ShuffledRows;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Workers;

/**
 * Trains a sparse autoencoder on a stream of activation rows.
 *
 * <pre>{@code
 * SaeConfig cfg = new SaeConfig(SaeKind.RELU, 1024, 0, 0.02, 1e-3, 256, 4000, 1, 500, 2, 32768);
 * TrainResult r = new SaeTrainer(cfg, ctx.linearAlgebra()).train(trainRows, heldOutRows, null, progress);
 * r.metrics().explainedVariance();
 * }</pre>
 *
 * <p>Before training, the first rows are measured: inputs are scaled to {@code E||x||^2 = d_in} and
 * {@code b_dec} starts at the data mean. Rows then stream through a seeded mixing buffer. Each step's encoder
 * pre-activations are BLAS sgemms through the host's {@link LinearAlgebra}, one per worker over its rows; the sparse
 * parts (TopK/ReLU, the decoder, every gradient, which is nonzero only for active latents) follow on the same
 * worker. Given the same seed, rows, worker thread count and native thread count ({@link LinearAlgebra#threads()}),
 * two runs produce identical weights.
 */
public final class SaeTrainer {
    /** Rows measured for the input scaling and the initial decoder bias. */
    public static final long STATS_ROWS = 65_536;
    /** Loss-curve points aimed for. */
    private static final int LOG_POINTS = 200;
    /** Batches of rows the resampler chooses inputs from. */
    private static final int RESAMPLE_BATCHES = 16;

    private final SaeConfig config;
    private final LinearAlgebra linearAlgebra;

    /**
     * @param config the hyper-parameters
     * @param linearAlgebra the host's service, for the dense encoder product
     */
    public SaeTrainer(SaeConfig config, LinearAlgebra linearAlgebra) {
        this.config = config;
        this.linearAlgebra = linearAlgebra;
    }

    /**
     * Trains.
     *
     * @param train the training rows (restarted as needed)
     * @param eval rows to evaluate on at the end, or null to evaluate on {@code train}
     * @param start initial weights (copied; {@code b_dec} is kept as given), or null for the standard
     *     initialisation
     * @param progress advanced in tokens, with loss and L0 metrics; not closed here
     * @return the trained SAE and its metrics
     */
    public TrainResult train(RowSource train, RowSource eval, SaeWeights start, Progress progress) {
        DataStats stats = DataStats.measure(train, STATS_ROWS);
        float scale = (float) stats.scale();
        int d = train.width();
        SaeWeights w;
        if (start != null) {
            w = start.copy();
        } else {
            w = SaeWeights.init(d, config.latents(), config.seed());
            for (int j = 0; j < d; j++) {
                w.bDec()[j] = (float) (stats.mean()[j] * scale);
            }
        }
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = (float) (stats.mean()[j] * scale);
        }
        SparseAutoencoder sae = new SparseAutoencoder(w, config.kind(), config.k());
        int parts = config.threads();
        try (Workers workers = new Workers(parts)) {
            LossLog log = new LossLog();
            long started = System.nanoTime();
            ShuffledRows rows = new ShuffledRows(train, config.shuffleRows(), config.seed() + 1, scale);
            long[] phases = new long[3];
            int resampled = run(sae, rows, mean, workers, log, progress, phases);
            double seconds = (System.nanoTime() - started) / 1e9;
            EvalMetrics metrics = Evaluator.evaluate(sae, scale, eval == null ? train : eval, workers);
            StepTimes times = new StepTimes(config.steps(), phases[0] / 1e9, phases[1] / 1e9, phases[2] / 1e9,
                    seconds);
            return new TrainResult(sae, scale, stats, metrics, log, config.steps() * config.batch(), seconds,
                    resampled, rows.passes(), times);
        }
    }

    /**
     * Runs the steps; {@code phases} accumulates nanoseconds in the encoder (the weights' copy plus worker 0's
     * product), the rest of the workers' pass and the optimizer. The encoder lives in {@link TransposedEncoder} while
     * the steps run and is written back to the weights before anything else reads them.
     */
    private int run(SparseAutoencoder sae, ShuffledRows rows, float[] mean, Workers workers, LossLog log,
            Progress progress, long[] phases) {
        int d = mean.length;
        int b = config.batch();
        int parts = workers.threads();
        Gradients[] grads = new Gradients[parts];
        BatchStep[] steps = new BatchStep[parts];
        for (int p = 0; p < parts; p++) {
            grads[p] = new Gradients(d, config.latents());
            steps[p] = new BatchStep(sae, Workers.split(b, parts, p + 1) - Workers.split(b, parts, p));
        }
        DenseEncoder encoder = new DenseEncoder(linearAlgebra, b, d, config.latents(), parts);
        TransposedEncoder wEncT = TransposedEncoder.of(sae.weights());
        SaeOptimizer optimizer = new SaeOptimizer(sae.weights(), wEncT, parts);
        long[] encodeNanos = new long[parts];
        DeadLatents deadLatents = new DeadLatents(config.latents());
        Schedule schedule = new Schedule(config);
        SplittableRandom resampleRandom = new SplittableRandom(config.seed() + 2);
        float[][] batch = new float[b][d];
        long logEvery = Math.max(1, config.steps() / LOG_POINTS);
        long tokens = 0;
        int resampled = 0;
        for (long step = 0; step < config.steps(); step++) {
            for (float[] row : batch) {
                rows.next(row);
            }
            float lr = schedule.lr(step);
            float l1 = schedule.l1(step);
            long t0 = System.nanoTime();
            encoder.weights(wEncT.rows(), sae.weights().bEnc());
            long loaded = System.nanoTime();
            workers.run(parts, p -> {
                grads[p].clear();
                encodeNanos[p] = steps[p].run(batch, encoder, p, Workers.split(b, parts, p),
                        Workers.split(b, parts, p + 1), grads[p], l1, mean);
            });
            long t2 = System.nanoTime();
            optimizer.step(grads, lr, workers);
            phases[0] += loaded - t0 + encodeNanos[0];
            phases[1] += t2 - loaded - encodeNanos[0];
            phases[2] += System.nanoTime() - t2;
            tokens += b;
            deadLatents.record(grads, tokens);
            double mse = 0;
            double l1Sum = 0;
            long l0 = 0;
            double variance = 0;
            for (Gradients g : grads) {
                mse += g.mse;
                l1Sum += g.l1;
                l0 += g.l0;
                variance += g.variance;
            }
            double stepMse = mse / b;
            double stepL1 = l1 * l1Sum / b;
            log.add(stepMse + stepL1, stepMse, stepL1, (double) l0 / b, variance / b);
            if (schedule.resampleAfter(step)) {
                int[] dead = deadLatents.dead(tokens, (long) config.resampleEvery() * b);
                if (dead.length > 0) {
                    float[][] sample = new float[RESAMPLE_BATCHES * b][d];
                    for (float[] row : sample) {
                        rows.next(row);
                    }
                    wEncT.store(sae.weights());
                    deadLatents.resample(dead, sae, optimizer, sample, resampleRandom, tokens);
                    wEncT.load(sae.weights());
                    resampled += dead.length;
                    log.resampled(dead.length);
                }
            }
            if ((step + 1) % logEvery == 0 || step + 1 == config.steps()) {
                log.flush(step + 1, tokens, lr);
                LossLog.Point last = log.last();
                progress.metric("loss", last.loss());
                progress.metric("L0", last.l0());
            }
            progress.advance(b);
        }
        wEncT.store(sae.weights());
        return resampled;
    }
}
