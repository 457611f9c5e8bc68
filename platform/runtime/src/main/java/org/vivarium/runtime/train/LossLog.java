package org.vivarium.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.report.plot.LinePlot;
import org.vivarium.report.table.CsvWriter;
import org.vivarium.report.table.Table;

/** Records per-step training metrics and writes them as {@code loss.csv} and {@code loss.png}. */
final class LossLog {
    private final List<double[]> rows = new ArrayList<>();

    /**
     * Records one step.
     *
     * @param step step number
     * @param loss training loss
     * @param lr learning rate
     * @param gradNorm gradient norm before clipping
     * @param tokensPerSecond throughput
     */
    public void add(int step, float loss, float lr, float gradNorm, double tokensPerSecond) {
        rows.add(new double[] {step, loss, lr, gradNorm, tokensPerSecond});
    }

    /**
     * Loads an earlier log so a resumed run continues the same curve.
     *
     * @param csv an existing {@code loss.csv}
     * @param upToStep keep rows up to and including this step
     */
    public void loadPrefix(Path csv, int upToStep) {
        if (!Files.isRegularFile(csv)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(csv);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                if (f.length < 5 || Integer.parseInt(f[0]) > upToStep) {
                    continue;
                }
                double[] r = new double[5];
                for (int k = 0; k < 5; k++) {
                    r[k] = Double.parseDouble(f[k]);
                }
                rows.add(r);
            }
        } catch (IOException | NumberFormatException e) {
            rows.clear(); // an unreadable old log is not worth failing a resume for
        }
    }

    /** @return the number of recorded steps */
    public int size() {
        return rows.size();
    }

    /**
     * Mean loss of the last {@code n} recorded steps.
     *
     * @param n window
     * @return the mean, or NaN if nothing was recorded
     */
    public float recentLoss(int n) {
        if (rows.isEmpty()) {
            return Float.NaN;
        }
        double s = 0;
        int k = Math.min(n, rows.size());
        for (int i = rows.size() - k; i < rows.size(); i++) {
            s += rows.get(i)[1];
        }
        return (float) (s / k);
    }

    /**
     * Writes {@code loss.csv} and {@code loss.png} into a directory.
     *
     * @param dir the run directory
     * @param title plot title
     */
    public void write(Path dir, String title) {
        Table t = Table.of("step", "loss", "lr", "grad_norm", "tokens_per_s");
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            t.row((long) r[0], r[1], r[2], r[3], r[4]);
            x[i] = r[0];
            y[i] = r[1];
        }
        CsvWriter.write(t, dir.resolve("loss.csv"));
        if (rows.size() >= 2) {
            LinePlot.builder().title(title).xLabel("step").yLabel("training loss (nats)")
                    .series("loss", x, y).smoothing(0.9).build().write(dir.resolve("loss.png"));
        }
    }
}
