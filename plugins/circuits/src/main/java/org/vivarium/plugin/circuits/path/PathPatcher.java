package org.vivarium.plugin.circuits.path;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.plugin.circuits.metric.Metric;
import org.vivarium.plugin.circuits.patch.ActivationPatcher;
import org.vivarium.plugin.circuits.patch.HeadGroups;
import org.vivarium.plugin.circuits.patch.HeadSite;

/**
 * Path patching from sender heads to receiver heads' queries, keys or values, by the two-pass method of
 * Wang et al. (2022):
 * <ol>
 *   <li>run the clean input with the senders' outputs ({@code attn.hook_z}) taken from the corrupted run and every
 *       other head's output, and every MLP output, frozen to its clean value, and cache the receivers'
 *       {@code attn.hook_q|k|v}: they now differ from clean only by the senders' direct contribution to the
 *       residual stream they read;</li>
 *   <li>rerun the clean input with only those receiver activations patched in (head-restricted) and measure.</li>
 * </ol>
 * This is noising along one path: a result near the corrupted value means the path carries the behaviour.
 *
 * <pre>{@code
 * PathPatcher pp = new PathPatcher(model, seqs.clean(), seqs.corrupted(), seqs.repeatLoss());
 * double viaKeys = pp.patch(List.of(new HeadRef(0, 1)), List.of(new HeadRef(1, 2)), HeadSite.K);
 * }</pre>
 */
public final class PathPatcher {
    private final Model model;
    private final int[][] clean;
    private final Metric metric;
    private final Activations cleanActs;
    private final Activations corruptActs;
    private final double cleanMetric;
    private final double corruptedMetric;

    /**
     * Runs and caches both inputs once.
     *
     * @param model the model
     * @param clean {@code [batch][pos]} clean tokens
     * @param corrupted {@code [batch][pos]} corrupted tokens, the same shape
     * @param metric what to measure
     * @throws VivariumException if the two inputs differ in shape
     */
    public PathPatcher(Model model, int[][] clean, int[][] corrupted, Metric metric) {
        ActivationPatcher.requireSameShape(clean, corrupted);
        this.model = model;
        this.clean = clean;
        this.metric = metric;
        ModelConfig cfg = model.config();
        List<String> names = new ArrayList<>();
        for (int l = 0; l < cfg.nLayers(); l++) {
            names.add(HookName.attn(l, "z").path());
            if (!cfg.attnOnly()) {
                names.add(HookName.mlpOut(l).path());
            }
        }
        HookFilter filter = HookFilter.names(names.toArray(String[]::new));
        var c = model.runWithCache(clean, filter);
        var k = model.runWithCache(corrupted, filter);
        cleanActs = c.activations();
        corruptActs = k.activations();
        cleanMetric = metric.measure(c.logits());
        corruptedMetric = metric.measure(k.logits());
    }

    /** @return the metric on the clean input */
    public double clean() {
        return cleanMetric;
    }

    /** @return the metric on the corrupted input */
    public double corrupted() {
        return corruptedMetric;
    }

    /** @return what is measured */
    public String metric() {
        return metric.describe();
    }

    /**
     * Patches the path from the senders to the receivers' chosen input.
     *
     * @param senders heads whose corrupted output is sent
     * @param receivers heads in later layers than every sender
     * @param input {@link HeadSite#Q}, {@link HeadSite#K} or {@link HeadSite#V}
     * @return the metric of the clean run with only that path corrupted
     * @throws IllegalArgumentException if a receiver is not after every sender or the input is not q, k or v
     */
    public double patch(List<HeadRef> senders, List<HeadRef> receivers, HeadSite input) {
        if (input != HeadSite.Q && input != HeadSite.K && input != HeadSite.V) {
            throw new IllegalArgumentException("a path ends in a receiver's q, k or v, not " + input.id());
        }
        TreeMap<Integer, int[]> sendersByLayer = byLayer(senders);
        TreeMap<Integer, int[]> receiversByLayer = byLayer(receivers);
        if (receiversByLayer.firstKey() <= sendersByLayer.lastKey()) {
            throw new IllegalArgumentException("receivers " + receivers + " must be in later layers than senders "
                    + senders);
        }
        int last = receiversByLayer.lastKey();
        List<Hook> frozen = new ArrayList<>();
        for (int l = 0; l < last; l++) {
            HookName z = HookName.attn(l, "z");
            frozen.add(Hook.replace(z, cleanActs.get(z)));
            if (sendersByLayer.containsKey(l)) {
                frozen.add(Hook.replace(z, corruptActs.get(z)).onHeads(sendersByLayer.get(l)));
            }
            if (!model.config().attnOnly()) {
                frozen.add(Hook.replace(HookName.mlpOut(l), cleanActs.get(HookName.mlpOut(l))));
            }
        }
        String[] sites = receiversByLayer.keySet().stream().map(l -> input.at(l).path()).toArray(String[]::new);
        Activations mid = model.run(clean, frozen, HookFilter.names(sites)).activations();
        List<Hook> patched = new ArrayList<>();
        receiversByLayer.forEach((l, hs) -> patched.add(Hook.replace(input.at(l), mid.get(input.at(l))).onHeads(hs)));
        return metric.measure(model.runWithHooks(clean, patched));
    }

    /**
     * Noises the senders' outputs everywhere (plain activation patching of {@code attn.hook_z}): the total effect
     * that the paths are parts of.
     *
     * @param senders the heads
     * @return the metric of the clean run with their outputs corrupted
     */
    public double whole(List<HeadRef> senders) {
        List<Hook> hooks = new ArrayList<>();
        byLayer(senders).forEach((l, hs) -> {
            HookName z = HookName.attn(l, "z");
            hooks.add(Hook.replace(z, corruptActs.get(z)).onHeads(hs));
        });
        return metric.measure(model.runWithHooks(clean, hooks));
    }

    private static TreeMap<Integer, int[]> byLayer(List<HeadRef> heads) {
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one sender and one receiver");
        }
        return HeadGroups.byLayer(heads);
    }
}
