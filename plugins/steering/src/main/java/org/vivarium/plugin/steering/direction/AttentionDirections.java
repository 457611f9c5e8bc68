package org.vivarium.plugin.steering.direction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.extract.ResidualReader;
import org.vivarium.plugin.steering.extract.ResidualSet;
import org.vivarium.plugin.steering.math.Vectors;

/**
 * The condition's direction in what attention moves between positions: for every layer, the position-mean
 * difference of {@code blocks.L.hook_attn_out} between condition-present and condition-absent prompts, and
 * the condition-absent mean there (the value a clamp restores).
 *
 * @param directions {@code hook_attn_out} of each layer to its mean-difference vector, in layer order
 * @param cleanMeans the same hooks to the condition-absent mean activation
 */
public record AttentionDirections(Map<HookName, float[]> directions, Map<HookName, float[]> cleanMeans) {

    /** Copies the maps. */
    public AttentionDirections {
        directions = Collections.unmodifiableMap(new LinkedHashMap<>(directions));
        cleanMeans = Collections.unmodifiableMap(new LinkedHashMap<>(cleanMeans));
    }

    /**
     * Reads every layer's attention output on both prompt sets and fits the directions.
     *
     * @param model the model
     * @param positives condition-present prompts
     * @param negatives condition-absent prompts
     * @param advance called with the number of prompts read after each forward pass
     * @return the per-layer directions and clean means
     */
    public static AttentionDirections fit(Model model, List<String> positives, List<String> negatives,
            LongConsumer advance) {
        List<HookName> sites = new ArrayList<>();
        for (int l = 0; l < model.config().nLayers(); l++) {
            sites.add(HookName.attnOut(l));
        }
        ResidualReader reader = new ResidualReader(model, sites, PositionMode.MEAN);
        ResidualSet pos = reader.read(positives, advance);
        ResidualSet neg = reader.read(negatives, advance);
        Map<HookName, float[]> dirs = new LinkedHashMap<>();
        Map<HookName, float[]> means = new LinkedHashMap<>();
        for (HookName h : sites) {
            dirs.put(h, ContrastiveDirection.meanDifference(pos.at(h), neg.at(h)));
            means.put(h, Vectors.mean(neg.at(h)));
        }
        return new AttentionDirections(dirs, means);
    }
}
