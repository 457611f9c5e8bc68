package org.vivarium.plugin.steering.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.tensor.Tensor;

/**
 * Runs prompts through a model and keeps one residual vector per prompt and hook (the last token's, or
 * the mean over the prompt's tokens). Prompts of equal token length share a forward pass.
 */
public final class ResidualReader {
    private static final int MAX_BATCH = 32;

    private final Model model;
    private final List<HookName> hooks;
    private final PositionMode mode;

    /**
     * Creates a reader.
     *
     * @param model the model
     * @param hooks residual hooks to read ({@code [batch, pos, d_model]} shaped)
     * @param mode which positions make a prompt's vector
     */
    public ResidualReader(Model model, List<HookName> hooks, PositionMode mode) {
        this.model = model;
        this.hooks = List.copyOf(hooks);
        this.mode = mode;
    }

    /**
     * Reads the prompts.
     *
     * @param prompts the texts
     * @param advance called with the number of prompts finished after each forward pass
     * @return vectors in prompt order
     */
    public ResidualSet read(List<String> prompts, LongConsumer advance) {
        int n = prompts.size();
        Map<HookName, float[][]> out = new LinkedHashMap<>();
        hooks.forEach(h -> out.put(h, new float[n][]));
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        List<int[]> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] t = PromptTokens.encode(model, prompts.get(i));
            tokens.add(t);
            byLength.computeIfAbsent(t.length, k -> new ArrayList<>()).add(i);
        }
        String[] paths = hooks.stream().map(HookName::path).toArray(String[]::new);
        HookFilter filter = HookFilter.names(paths);
        for (List<Integer> group : byLength.values()) {
            for (int from = 0; from < group.size(); from += MAX_BATCH) {
                List<Integer> batch = group.subList(from, Math.min(group.size(), from + MAX_BATCH));
                int[][] toks = new int[batch.size()][];
                for (int b = 0; b < toks.length; b++) {
                    toks[b] = tokens.get(batch.get(b));
                }
                RunResult r = model.runWithCache(toks, filter);
                for (HookName h : hooks) {
                    Tensor t = r.activations().get(h);
                    for (int b = 0; b < toks.length; b++) {
                        out.get(h)[batch.get(b)] = vector(t, b);
                    }
                }
                advance.accept(batch.size());
            }
        }
        return new ResidualSet(out);
    }

    private float[] vector(Tensor t, int b) {
        int pos = t.size(1);
        if (mode == PositionMode.LAST) {
            return t.row(b, pos - 1);
        }
        double[] acc = new double[t.size(2)];
        for (int p = 0; p < pos; p++) {
            float[] r = t.row(b, p);
            for (int i = 0; i < acc.length; i++) {
                acc[i] += r[i];
            }
        }
        float[] v = new float[acc.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (acc[i] / pos);
        }
        return v;
    }
}
