package org.vivarium.report.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A streaming JSON writer producing indented output, over Gson's {@link com.google.gson.stream.JsonWriter}
 * (plugins see no JSON library, so this wrapper is what they get). Callers open and close objects and
 * arrays; commas are inserted automatically. Non-finite numbers are written as {@code null}, whole numbers
 * without a fraction ({@code 42}, not {@code 42.0}), float arrays on one line.
 *
 * <pre>{@code
 * String json = new JsonWriter().beginObject().name("acc").value(0.93).endObject().toString();
 * }</pre>
 *
 * <p>A call that would make the JSON malformed, such as a value where a member name is expected or a second
 * top-level value, throws {@link IllegalStateException}.
 */
public final class JsonWriter {
    private final StringWriter text = new StringWriter();
    private final com.google.gson.stream.JsonWriter out = new com.google.gson.stream.JsonWriter(text);

    /** Creates a writer with two-space indentation. */
    public JsonWriter() {
        out.setIndent("  ");
    }

    /**
     * Opens an object.
     *
     * @return this writer
     */
    public JsonWriter beginObject() {
        return run(out::beginObject);
    }

    /**
     * Closes an object.
     *
     * @return this writer
     */
    public JsonWriter endObject() {
        return run(out::endObject);
    }

    /**
     * Opens an array.
     *
     * @return this writer
     */
    public JsonWriter beginArray() {
        return run(out::beginArray);
    }

    /**
     * Closes an array.
     *
     * @return this writer
     */
    public JsonWriter endArray() {
        return run(out::endArray);
    }

    /**
     * Writes an object member name; the next call writes its value.
     *
     * @param name the member name
     * @return this writer
     */
    public JsonWriter name(String name) {
        return run(() -> out.name(name));
    }

    /**
     * Writes a string value.
     *
     * @param v the value, or null
     * @return this writer
     */
    public JsonWriter value(String v) {
        return run(() -> out.value(v));
    }

    /**
     * Writes a number value.
     *
     * @param v the value; NaN and infinities become {@code null}
     * @return this writer
     */
    public JsonWriter value(double v) {
        if (!Double.isFinite(v)) {
            return run(out::nullValue);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return value((long) v);
        }
        return run(() -> out.value(v)); // shortest round-trip form, e.g. 1.0E-4
    }

    /**
     * Writes an integer value.
     *
     * @param v the value
     * @return this writer
     */
    public JsonWriter value(long v) {
        return run(() -> out.value(v));
    }

    /**
     * Writes a float array on one line.
     *
     * @param values the values; NaN and infinities become {@code null}
     * @return this writer
     */
    public JsonWriter value(float[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Float.isFinite(values[i]) ? Float.toString(values[i]) : "null");
        }
        return run(() -> out.jsonValue(b.append(']').toString()));
    }

    /** Returns the JSON written so far, with a final newline. */
    @Override
    public String toString() {
        return text + "\n";
    }

    private JsonWriter run(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return this;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }
}
