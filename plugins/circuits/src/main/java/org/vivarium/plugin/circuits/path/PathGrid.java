package org.vivarium.plugin.circuits.path;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.patch.PatchResult;

/**
 * Path patching from every head, one at a time, to every head of each later layer (singly, then all of that
 * layer together) through each chosen input, plus each sender's whole effect.
 *
 * @param metric what was measured
 * @param clean the metric on the clean input
 * @param corrupted the metric on the corrupted input
 * @param senders the sender heads, one per row
 * @param columns receiver labels, e.g. {@code L1H2 k} or {@code L1 all k}
 * @param patched {@code [sender][column]} patched metric, NaN where the receiver is not after the sender
 * @param whole {@code [sender]} the metric with the sender's output corrupted everywhere
 */
public record PathGrid(String metric, double clean, double corrupted, List<HeadRef> senders, List<String> columns,
        double[][] patched, double[] whole) {

    /** One receiver column: the heads patched together and the input they read through. */
    private record Column(String label, int layer, List<HeadRef> heads, HeadSite input) {
    }

    /**
     * Counts the forward passes {@link #run} makes (two per path, one per sender's whole effect).
     *
     * @param cfg the model
     * @param inputs the receiver inputs
     * @return the number of passes
     */
    public static long passes(ModelConfig cfg, List<HeadSite> inputs) {
        long n = 0;
        for (HeadRef s : senders(cfg)) {
            n += 1;
            for (Column c : columns(cfg, inputs)) {
                n += c.layer() > s.layer() ? 2 : 0;
            }
        }
        return n;
    }

    /**
     * Runs the grid.
     *
     * @param pp the patcher, bound to the inputs
     * @param cfg the model
     * @param inputs some of q, k, v
     * @param progress advanced once per forward pass
     * @return the grid
     */
    public static PathGrid run(PathPatcher pp, ModelConfig cfg, List<HeadSite> inputs, Progress progress) {
        List<HeadRef> senders = senders(cfg);
        List<Column> cols = columns(cfg, inputs);
        double[][] m = new double[senders.size()][cols.size()];
        double[] whole = new double[senders.size()];
        for (int i = 0; i < senders.size(); i++) {
            HeadRef s = senders.get(i);
            whole[i] = pp.whole(List.of(s));
            progress.advance(1);
            for (int j = 0; j < cols.size(); j++) {
                Column c = cols.get(j);
                if (c.layer() <= s.layer()) {
                    m[i][j] = Double.NaN;
                    continue;
                }
                m[i][j] = pp.patch(List.of(s), c.heads(), c.input());
                progress.advance(2);
            }
        }
        return new PathGrid(pp.metric(), pp.clean(), pp.corrupted(), senders,
                cols.stream().map(Column::label).toList(), m, whole);
    }

    private static List<HeadRef> senders(ModelConfig cfg) {
        List<HeadRef> out = new ArrayList<>();
        for (int l = 0; l < cfg.nLayers() - 1; l++) {
            for (int h = 0; h < cfg.nHeads(); h++) {
                out.add(new HeadRef(l, h));
            }
        }
        return out;
    }

    private static List<Column> columns(ModelConfig cfg, List<HeadSite> inputs) {
        List<Column> out = new ArrayList<>();
        for (int l = 1; l < cfg.nLayers(); l++) {
            for (HeadSite in : inputs) {
                List<HeadRef> all = new ArrayList<>();
                for (int h = 0; h < cfg.nHeads(); h++) {
                    all.add(new HeadRef(l, h));
                    out.add(new Column("L" + l + "H" + h + " " + in.id(), l, List.of(new HeadRef(l, h)), in));
                }
                out.add(new Column("L" + l + " all " + in.id(), l, all, in));
            }
        }
        return out;
    }

    /**
     * Normalises a metric: 1 is the clean run, 0 the corrupted one.
     *
     * @param v a patched metric
     * @return {@code (v - corrupted) / (clean - corrupted)}, NaN if they are equal
     */
    public double normalized(double v) {
        return PatchResult.normalize(v, clean, corrupted);
    }

    /** @return {@link #patched} normalised, NaN cells kept */
    public double[][] normalizedPaths() {
        return PatchResult.normalize(patched, clean, corrupted);
    }
}
