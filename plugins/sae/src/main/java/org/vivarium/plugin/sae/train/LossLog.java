package org.vivarium.plugin.sae.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.report.plot.LinePlot;
import org.vivarium.report.table.CsvWriter;
import org.vivarium.report.table.Table;

/**
 * The training curve: averages of loss, MSE, L1 penalty, L0 and batch explained variance over each logging
 * interval, written as {@code loss.csv} and plotted as {@code loss.png} and {@code l0.png}.
 */
public final class LossLog {
    /**
     * One logged interval.
     *
     * @param step the last step of the interval (1-based)
     * @param tokens tokens trained on so far
     * @param lr learning rate at the step
     * @param loss mean total loss
     * @param mse mean reconstruction term
     * @param l1 mean L1 penalty term
     * @param l0 mean active latents per token
     * @param explainedVariance batch explained variance (against the data mean)
     * @param resampled latents resampled at this step
     */
    public record Point(long step, long tokens, double lr, double loss, double mse, double l1, double l0,
            double explainedVariance, int resampled) {
    }

    private final List<Point> points = new ArrayList<>();
    private double loss;
    private double mse;
    private double l1;
    private double l0;
    private double variance;
    private int steps;
    private int resampled;

    void add(double stepLoss, double stepMse, double stepL1, double stepL0, double stepVariance) {
        loss += stepLoss;
        mse += stepMse;
        l1 += stepL1;
        l0 += stepL0;
        variance += stepVariance;
        steps++;
    }

    void resampled(int count) {
        resampled += count;
    }

    void flush(long step, long tokens, double lr) {
        if (steps == 0) {
            return;
        }
        points.add(new Point(step, tokens, lr, loss / steps, mse / steps, l1 / steps, l0 / steps,
                variance > 0 ? 1 - mse / variance : Double.NaN, resampled));
        loss = 0;
        mse = 0;
        l1 = 0;
        l0 = 0;
        variance = 0;
        steps = 0;
        resampled = 0;
    }

    /** @return the last logged point, or null before the first */
    public Point last() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    /** @return the logged points, in order */
    public List<Point> points() {
        return List.copyOf(points);
    }

    /**
     * Writes {@code loss.csv}, {@code loss.png} and {@code l0.png}.
     *
     * @param dir the output directory
     */
    public void write(Path dir) {
        Table t = Table.of("step", "tokens", "lr", "loss", "mse", "l1", "l0", "explained_variance", "resampled");
        int n = points.size();
        double[] x = new double[n];
        double[] lossY = new double[n];
        double[] mseY = new double[n];
        double[] l0Y = new double[n];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            t.row(p.step(), p.tokens(), p.lr(), p.loss(), p.mse(), p.l1(), p.l0(), p.explainedVariance(),
                    p.resampled());
            x[i] = p.step();
            lossY[i] = p.loss();
            mseY[i] = p.mse();
            l0Y[i] = p.l0();
        }
        CsvWriter.write(t, dir.resolve("loss.csv"));
        if (n == 0) {
            return;
        }
        LinePlot.builder().title("SAE training loss").xLabel("step").yLabel("loss (per dimension)")
                .series("total", x, lossY).series("reconstruction (MSE)", x, mseY).logY(true).build()
                .write(dir.resolve("loss.png"));
        LinePlot.builder().title("Active latents per token").xLabel("step").yLabel("L0").series("L0", x, l0Y)
                .build().write(dir.resolve("l0.png"));
    }
}
