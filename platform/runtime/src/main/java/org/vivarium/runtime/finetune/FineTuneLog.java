package org.vivarium.runtime.finetune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.report.plot.LinePlot;
import org.vivarium.report.table.CsvWriter;
import org.vivarium.report.table.Table;

/**
 * Records the loss of every fine-tuning step, summarises its start and end, and writes {@code loss.csv}
 * (step, loss, lr, grad_norm) and {@code loss.png}.
 */
final class FineTuneLog {
    /** Fraction of the steps averaged for {@link #firstLoss()} and {@link #lastLoss()}. */
    static final double WINDOW = 0.1;

    private final List<double[]> rows = new ArrayList<>();

    /**
     * Records one step.
     *
     * @param step 1-based step
     * @param loss the batch's completion loss (NaN or infinite if the step was skipped)
     * @param lr learning rate used
     * @param gradNorm gradient norm before clipping
     */
    void add(int step, float loss, float lr, float gradNorm) {
        rows.add(new double[] {step, loss, lr, gradNorm});
    }

    /** @return mean finite loss over the first 10% of steps (at least one), NaN if none was finite */
    double firstLoss() {
        return mean(0, window());
    }

    /** @return mean finite loss over the last 10% of steps (at least one), NaN if none was finite */
    double lastLoss() {
        return mean(rows.size() - window(), rows.size());
    }

    private int window() {
        return Math.max(1, (int) Math.ceil(rows.size() * WINDOW));
    }

    private double mean(int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            double l = rows.get(i)[1];
            if (Double.isFinite(l)) {
                sum += l;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Writes {@code loss.csv} and, with at least two finite points, {@code loss.png} into a directory.
     *
     * @param dir the output directory (created if needed)
     * @param title the plot title, e.g. the recipe
     */
    void write(Path dir, String title) {
        Table t = Table.of("step", "loss", "lr", "grad_norm");
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        int finite = 0;
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            t.row((long) r[0], r[1], r[2], r[3]);
            x[i] = r[0];
            y[i] = r[1];
            finite += Double.isFinite(r[1]) ? 1 : 0;
        }
        CsvWriter.write(t, dir.resolve("loss.csv"));
        if (finite >= 2) {
            LinePlot.builder().title(title).xLabel("step").yLabel("completion loss (nats/token)")
                    .series("loss", x, y).smoothing(0.9).build().write(dir.resolve("loss.png"));
        }
    }
}
