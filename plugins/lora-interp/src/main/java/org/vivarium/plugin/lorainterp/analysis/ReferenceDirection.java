package org.vivarium.plugin.lorainterp.analysis;

/**
 * A direction to compare output directions with, e.g. one saved by {@code viv steering direction}.
 *
 * @param source where it came from, e.g. the file path
 * @param hook the hook it was fitted at, or empty
 * @param vector its values
 */
public record ReferenceDirection(String source, String hook, double[] vector) {
    /** Copies the vector. */
    public ReferenceDirection {
        vector = vector.clone();
    }

    @Override
    public double[] vector() {
        return vector.clone();
    }
}
