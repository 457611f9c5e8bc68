package org.vivarium.report.io;

import java.util.Locale;

/**
 * A minimal streaming JSON writer producing indented output. Callers open and close objects and
 * arrays; commas are inserted automatically. Non-finite numbers are written as {@code null}.
 *
 * <pre>{@code
 * String json = new JsonWriter().beginObject().name("acc").value(0.93).endObject().toString();
 * }</pre>
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterName;

    /**
     * Opens an object.
     *
     * @return this writer
     */
    public JsonWriter beginObject() {
        return open('{');
    }

    /**
     * Closes an object.
     *
     * @return this writer
     */
    public JsonWriter endObject() {
        return close('}');
    }

    /**
     * Opens an array.
     *
     * @return this writer
     */
    public JsonWriter beginArray() {
        return open('[');
    }

    /**
     * Closes an array.
     *
     * @return this writer
     */
    public JsonWriter endArray() {
        return close(']');
    }

    /**
     * Writes an object member name; the next call writes its value.
     *
     * @param name the member name
     * @return this writer
     */
    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    /**
     * Writes a string value.
     *
     * @param v the value, or null
     * @return this writer
     */
    public JsonWriter value(String v) {
        separate();
        if (v == null) {
            out.append("null");
        } else {
            string(v);
        }
        return this;
    }

    /**
     * Writes a number value.
     *
     * @param v the value; NaN and infinities become {@code null}
     * @return this writer
     */
    public JsonWriter value(double v) {
        separate();
        out.append(number(v));
        return this;
    }

    /**
     * Writes an integer value.
     *
     * @param v the value
     * @return this writer
     */
    public JsonWriter value(long v) {
        separate();
        out.append(v);
        return this;
    }

    /**
     * Writes a float array on one line.
     *
     * @param values the values
     * @return this writer
     */
    public JsonWriter value(float[] values) {
        separate();
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        out.append(']');
        return this;
    }

    @Override
    public String toString() {
        return out + "\n";
    }

    private JsonWriter open(char c) {
        separate();
        out.append(c);
        depth++;
        first = true;
        return this;
    }

    private JsonWriter close(char c) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(c);
        first = false;
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (!first) {
                out.append(',');
            }
            newline();
        }
        first = false;
    }

    private void newline() {
        out.append('\n').append("  ".repeat(depth));
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v); // shortest round-trip form, valid JSON (e.g. 1.0E-4)
    }

    private static String number(float v) {
        return Double.isFinite(v) ? Float.toString(v) : "null";
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
