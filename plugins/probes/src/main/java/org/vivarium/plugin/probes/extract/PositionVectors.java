package org.vivarium.plugin.probes.extract;

/**
 * The per-position activation vectors of one prompt at one hook: a view into a cached tensor whose
 * first two axes are {@code [batch, pos]} (trailing axes, such as {@code [head, d_head]}, are flattened).
 *
 * @param data the tensor's backing array (shared, read-only)
 * @param start offset of this prompt's first position
 * @param positions number of positions
 * @param width values per position
 */
public record PositionVectors(float[] data, int start, int positions, int width) {

    /**
     * Returns where the vector of one position starts in {@link #data()}.
     *
     * @param pos the position
     * @return the offset
     */
    public int offset(int pos) {
        return start + pos * width;
    }

    /**
     * Copies one position's vector.
     *
     * @param pos the position
     * @return a new array of {@link #width()} values
     */
    public float[] at(int pos) {
        float[] v = new float[width];
        System.arraycopy(data, offset(pos), v, 0, width);
        return v;
    }

    /** @return the mean vector over all positions */
    public float[] mean() {
        double[] sum = new double[width];
        for (int p = 0; p < positions; p++) {
            int off = offset(p);
            for (int j = 0; j < width; j++) {
                sum[j] += data[off + j];
            }
        }
        float[] v = new float[width];
        for (int j = 0; j < width; j++) {
            v[j] = (float) (sum[j] / positions);
        }
        return v;
    }
}
