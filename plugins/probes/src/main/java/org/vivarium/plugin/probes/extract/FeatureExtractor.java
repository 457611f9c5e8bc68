package org.vivarium.plugin.probes.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;

/** The first pass: collects probe examples per hook according to a {@link PositionMode}. */
public final class FeatureExtractor {
    private FeatureExtractor() {
    }

    /**
     * Runs the model and collects features.
     *
     * @param passes the forward passes over the prompts
     * @param hooks the cached hooks
     * @param mode which positions become examples
     * @param promptCount number of prompts
     * @param progress advanced by one per prompt
     * @return a feature set per hook path, in hook order; rows ordered by prompt
     */
    public static Map<String, FeatureSet> extract(ForwardPasses passes, List<HookName> hooks, PositionMode mode,
            int promptCount, Progress progress) {
        Map<String, List<List<float[]>>> perPrompt = new LinkedHashMap<>();
        for (HookName h : hooks) {
            List<List<float[]>> slots = new ArrayList<>(promptCount);
            for (int i = 0; i < promptCount; i++) {
                slots.add(null);
            }
            perPrompt.put(h.path(), slots);
        }
        passes.forEach(progress, (prompt, vectors) -> vectors.forEach((hook, v) ->
                perPrompt.get(hook).set(prompt, examples(v, mode))));
        Map<String, FeatureSet> out = new LinkedHashMap<>();
        perPrompt.forEach((hook, slots) -> out.put(hook, flatten(slots)));
        return out;
    }

    private static List<float[]> examples(PositionVectors v, PositionMode mode) {
        return switch (mode) {
            case LAST -> List.of(v.at(v.positions() - 1));
            case MEAN -> List.of(v.mean());
            case ALL -> {
                List<float[]> all = new ArrayList<>(v.positions());
                for (int p = 0; p < v.positions(); p++) {
                    all.add(v.at(p));
                }
                yield all;
            }
        };
    }

    private static FeatureSet flatten(List<List<float[]>> slots) {
        int n = slots.stream().mapToInt(List::size).sum();
        float[][] rows = new float[n][];
        int[] prompt = new int[n];
        int k = 0;
        for (int p = 0; p < slots.size(); p++) {
            for (float[] row : slots.get(p)) {
                rows[k] = row;
                prompt[k++] = p;
            }
        }
        return new FeatureSet(rows, prompt);
    }
}
