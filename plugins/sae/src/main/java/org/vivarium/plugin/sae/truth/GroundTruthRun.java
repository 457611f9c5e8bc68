package org.vivarium.plugin.sae.truth;

import java.util.Arrays;
import java.util.function.Supplier;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.sae.data.ArrayRowSource;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.train.SaeConfig;
import org.vivarium.plugin.sae.train.SaeTrainer;
import org.vivarium.plugin.sae.train.TrainResult;

/**
 * Trains an SAE on activation rows alone, then (and only then) asks for the true features and scores the
 * learned decoder against them. The last {@code holdout} share of the rows is kept for evaluation, so dead
 * latents are counted on rows the SAE never trained on.
 *
 * <pre>{@code
 * GroundTruthRun.Result r = GroundTruthRun.run(rows, 0.1, cfg, () -> truth, 0.9, progress, la);
 * r.recovery().mmcs();
 * }</pre>
 */
public final class GroundTruthRun {
    private GroundTruthRun() {
    }

    /**
     * What one run gave.
     *
     * @param train the trained SAE and its held-out metrics
     * @param truth the features it was scored against
     * @param recovery the score
     * @param control the same score for a random dictionary of the same size (random unit directions from the
     *     SAE's seed, all counted live): what MMCS chance gives in this many dimensions
     * @param trainRows rows trained on
     * @param evalRows rows evaluated on
     */
    public record Result(TrainResult train, TrueFeatures truth, FeatureRecovery recovery, FeatureRecovery control,
            int trainRows, int evalRows) {
    }

    /**
     * Trains and scores.
     *
     * @param rows activation rows, {@code [rows][d]}
     * @param holdout share of rows (the last ones) held out for evaluation, in [0, 0.5)
     * @param config the SAE's hyper-parameters
     * @param truth read after training
     * @param duplicateCosine the duplicate-latent threshold
     * @param progress advanced in rows
     * @param linearAlgebra the encoder's matrix products
     * @return the trained SAE and its score
     * @throws IllegalArgumentException if there are too few rows
     */
    public static Result run(float[][] rows, double holdout, SaeConfig config, Supplier<TrueFeatures> truth,
            double duplicateCosine, Progress progress, LinearAlgebra linearAlgebra) {
        int held = (int) Math.round(rows.length * holdout);
        if (rows.length - held < 1 || rows.length < 2) {
            throw new IllegalArgumentException("need at least 2 activation rows, got " + rows.length);
        }
        float[][] train = Arrays.copyOfRange(rows, 0, rows.length - held);
        float[][] eval = held > 0 ? Arrays.copyOfRange(rows, rows.length - held, rows.length) : train;
        TrainResult r = new SaeTrainer(config, linearAlgebra).train(new ArrayRowSource(train), new ArrayRowSource(eval), null,
                progress);
        TrueFeatures t = truth.get();
        FeatureRecovery score = FeatureRecovery.score(r.foldedWeights().wDec(), r.metrics().fireCounts(),
                t.directions(), duplicateCosine);
        SaeWeights random = SaeWeights.init(rows[0].length, config.latents(), config.seed() + 1);
        long[] live = new long[config.latents()];
        Arrays.fill(live, 1);
        FeatureRecovery control = FeatureRecovery.score(random.wDec(), live, t.directions(), duplicateCosine);
        return new Result(r, t, score, control, train.length, eval.length);
    }
}
