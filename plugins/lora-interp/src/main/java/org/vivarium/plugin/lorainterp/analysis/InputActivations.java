package org.vivarium.plugin.lorainterp.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.HookName;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.lorainterp.math.Vectors;
import org.vivarium.plugin.lorainterp.pass.HookVectors;
import org.vivarium.plugin.lorainterp.pass.PromptRunner;

/**
 * Records, for every prompt and token, the dot product {@code x . d} of the adapted weight's input {@code x}
 * (read at its input hook) with each of the weight's input directions {@code d}.
 */
public final class InputActivations implements PromptRunner.Visitor {

    /**
     * The input directions of one adapted weight.
     *
     * @param target the weight name
     * @param hook where its input is read
     * @param directions the directions, each of the input width
     */
    public record Reader(String target, HookName hook, double[][] directions) {
    }

    private final List<Reader> readers;
    private final Map<String, float[][][]> values = new LinkedHashMap<>();

    /**
     * Creates an empty recorder.
     *
     * @param readers the weights and their directions
     * @param prompts the number of prompts that will be visited
     */
    public InputActivations(List<Reader> readers, int prompts) {
        this.readers = List.copyOf(readers);
        for (Reader r : readers) {
            values.put(r.target(), new float[prompts][][]);
        }
    }

    @Override
    public void visit(int prompt, Activations acts, int row) {
        for (Reader r : readers) {
            Tensor t = acts.get(r.hook());
            int len = t.size(1);
            float[][] out = new float[r.directions().length][len];
            for (int p = 0; p < len; p++) {
                float[] x = HookVectors.at(t, row, p);
                for (int d = 0; d < out.length; d++) {
                    out[d][p] = (float) Vectors.dot(x, r.directions()[d]);
                }
            }
            values.get(r.target())[prompt] = out;
        }
    }

    /**
     * Returns one weight's activations.
     *
     * @param target the weight name
     * @return {@code [prompt][direction][token]}
     */
    public float[][][] of(String target) {
        float[][][] v = values.get(target);
        if (v == null) {
            throw new IllegalArgumentException("no activations recorded for " + target);
        }
        return v;
    }
}
