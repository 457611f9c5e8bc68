package org.vivarium.plugin.circuits.report;

import org.vivarium.report.io.JsonWriter;

/** Matrices and vectors for the report library's {@link JsonWriter}. */
public final class Json {
    private Json() {
    }

    /**
     * Writes a named matrix as an array of rows (NaN becomes null).
     *
     * @param w the writer, inside an object
     * @param name member name
     * @param m the matrix
     */
    public static void matrix(JsonWriter w, String name, double[][] m) {
        w.name(name).beginArray();
        for (double[] row : m) {
            vector(w, row);
        }
        w.endArray();
    }

    /**
     * Writes a named vector.
     *
     * @param w the writer, inside an object
     * @param name member name
     * @param v the values
     */
    public static void vector(JsonWriter w, String name, double[] v) {
        w.name(name);
        vector(w, v);
    }

    private static void vector(JsonWriter w, double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        w.value(f);
    }
}
