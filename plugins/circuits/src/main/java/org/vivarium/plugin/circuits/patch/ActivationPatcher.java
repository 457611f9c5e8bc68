package org.vivarium.plugin.circuits.patch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.metric.Metric;

/**
 * Activation patching (Meng et al. 2022; Wang et al. 2022; TransformerLens' {@code patching} module): run one
 * input, replace one site's activation by its value on the other input, and measure the metric. Position sites
 * are patched per layer and position; head sites per layer and head (all positions), through
 * {@code Hook.replace(...).atPositions(p)} and {@code .onHeads(h)}.
 *
 * <pre>{@code
 * PatchResult r = new ActivationPatcher(model, clean, corrupted, metric)
 *         .run(PatchDirection.DENOISING, List.of(PositionSite.RESID_PRE), List.of(HeadSite.Z), progress);
 * double restored = r.normalized(r.byHead().get(HeadSite.Z)[1][3]);
 * }</pre>
 */
public final class ActivationPatcher {
    private final Model model;
    private final int[][] clean;
    private final int[][] corrupted;
    private final Metric metric;

    /**
     * Binds the inputs.
     *
     * @param model the model
     * @param clean {@code [batch][pos]} clean tokens
     * @param corrupted {@code [batch][pos]} corrupted tokens, the same shape
     * @param metric what to measure
     * @throws VivariumException if the two inputs differ in shape
     */
    public ActivationPatcher(Model model, int[][] clean, int[][] corrupted, Metric metric) {
        requireSameShape(clean, corrupted);
        this.model = model;
        this.clean = clean;
        this.corrupted = corrupted;
        this.metric = metric;
    }

    /**
     * Checks that a clean and a corrupted input can be patched into each other.
     *
     * @param clean {@code [batch][pos]} tokens
     * @param corrupted {@code [batch][pos]} tokens
     * @throws VivariumException if they are empty or differ in shape
     */
    public static void requireSameShape(int[][] clean, int[][] corrupted) {
        if (clean.length == 0 || clean.length != corrupted.length || clean[0].length != corrupted[0].length) {
            throw new VivariumException("clean and corrupted inputs must have the same shape, got "
                    + shape(clean) + " and " + shape(corrupted),
                    "give prompts with the same number of tokens (patching replaces position by position)");
        }
    }

    private static String shape(int[][] t) {
        return "[" + t.length + ", " + (t.length == 0 ? 0 : t[0].length) + "]";
    }

    /**
     * Counts the patched forward passes {@link #run} makes, for a progress display.
     *
     * @param cfg the model
     * @param length sequence length
     * @param positions position sites
     * @param heads head sites
     * @return the number of passes
     */
    public static long passes(ModelConfig cfg, int length, List<PositionSite> positions, List<HeadSite> heads) {
        long n = 0;
        for (PositionSite s : positions) {
            n += s.existsIn(cfg) ? (long) cfg.nLayers() * length : 0;
        }
        return n + (long) heads.size() * cfg.nLayers() * cfg.nHeads();
    }

    /**
     * Patches every site, one at a time. Position sites a model lacks ({@code mlp_out} in attention-only models)
     * are left out of the result.
     *
     * @param direction denoising (clean into corrupted) or noising (corrupted into clean)
     * @param positions position sites to patch per layer and position
     * @param heads head sites to patch per layer and head
     * @param progress advanced once per patched pass
     * @return the patched metrics
     */
    public PatchResult run(PatchDirection direction, List<PositionSite> positions, List<HeadSite> heads,
            Progress progress) {
        ModelConfig cfg = model.config();
        HookFilter filter = hooks(cfg, positions, heads);
        RunResult c = model.run(clean, List.of(), filter);
        RunResult k = model.run(corrupted, List.of(), filter);
        boolean denoise = direction == PatchDirection.DENOISING;
        Activations source = denoise ? c.activations() : k.activations();
        int[][] target = denoise ? corrupted : clean;
        int length = clean[0].length;
        Map<PositionSite, double[][]> byPos = new EnumMap<>(PositionSite.class);
        for (PositionSite s : positions) {
            if (!s.existsIn(cfg)) {
                continue;
            }
            double[][] m = new double[cfg.nLayers()][length];
            for (int l = 0; l < cfg.nLayers(); l++) {
                Tensor v = source.get(s.at(l));
                for (int p = 0; p < length; p++) {
                    m[l][p] = patched(target, Hook.replace(s.at(l), v).atPositions(p));
                    progress.advance(1);
                }
            }
            byPos.put(s, m);
        }
        Map<HeadSite, double[][]> byHead = new EnumMap<>(HeadSite.class);
        for (HeadSite s : heads) {
            double[][] m = new double[cfg.nLayers()][cfg.nHeads()];
            for (int l = 0; l < cfg.nLayers(); l++) {
                HookName name = s.at(l);
                Tensor v = source.get(name);
                for (int h = 0; h < cfg.nHeads(); h++) {
                    m[l][h] = patched(target, Hook.replace(name, v).onHeads(h));
                    progress.advance(1);
                }
            }
            byHead.put(s, m);
        }
        return new PatchResult(metric.describe(), direction, metric.measure(c.logits()), metric.measure(k.logits()),
                byPos, byHead);
    }

    /**
     * Selects the hook points of these sites in every layer (position sites the model lacks left out).
     *
     * @param cfg the model
     * @param positions position sites
     * @param heads head sites
     * @return the filter
     */
    public static HookFilter hooks(ModelConfig cfg, List<PositionSite> positions, List<HeadSite> heads) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < cfg.nLayers(); l++) {
            for (PositionSite s : positions) {
                if (s.existsIn(cfg)) {
                    names.add(s.at(l).path());
                }
            }
            for (HeadSite s : heads) {
                names.add(s.at(l).path());
            }
        }
        return HookFilter.names(names.toArray(String[]::new));
    }

    private double patched(int[][] target, Hook hook) {
        return metric.measure(model.runWithHooks(target, List.of(hook)));
    }
}
