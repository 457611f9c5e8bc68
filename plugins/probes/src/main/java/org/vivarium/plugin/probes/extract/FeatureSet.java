package org.vivarium.plugin.probes.extract;

import java.util.BitSet;
import java.util.stream.IntStream;
import org.vivarium.plugin.probes.math.Vectors;

/**
 * Probe examples at one hook: activation rows and the prompt each row came from (one row per prompt
 * for {@code last}/{@code mean}, one per token for {@code all}).
 *
 * @param rows activation vectors
 * @param prompt the prompt index of each row
 */
public record FeatureSet(float[][] rows, int[] prompt) {

    /**
     * Selects the rows belonging to some prompts.
     *
     * @param prompts prompt indices, ascending
     * @return row indices whose prompt is among them
     */
    public int[] rowsOf(int[] prompts) {
        BitSet wanted = new BitSet();
        for (int p : prompts) {
            wanted.set(p);
        }
        return IntStream.range(0, prompt.length).filter(i -> wanted.get(prompt[i])).toArray();
    }

    /**
     * Returns the rows at some indices.
     *
     * @param index row indices
     * @return the rows (shared)
     */
    public float[][] rows(int[] index) {
        return Vectors.select(rows, index);
    }

    /**
     * Returns the label of each selected row: its prompt's label.
     *
     * @param index row indices
     * @param promptLabels label per prompt
     * @return labels per row
     */
    public int[] labels(int[] index, int[] promptLabels) {
        int[] out = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = promptLabels[prompt[index[i]]];
        }
        return out;
    }
}
