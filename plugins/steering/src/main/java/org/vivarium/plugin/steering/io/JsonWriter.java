package org.vivarium.plugin.steering.io;

import java.util.Locale;

/**
 * A minimal streaming JSON writer with indented output; commas are inserted automatically and
 * non-finite numbers become {@code null}.
 *
 * <pre>{@code
 * String json = new JsonWriter().beginObject().name("norm").value(3.2).endObject().toString();
 * }</pre>
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterName;

    /** @return this writer, after opening an object */
    public JsonWriter beginObject() {
        return open('{');
    }

    /** @return this writer, after closing an object */
    public JsonWriter endObject() {
        return close('}');
    }

    /** @return this writer, after opening an array */
    public JsonWriter beginArray() {
        return open('[');
    }

    /** @return this writer, after closing an array */
    public JsonWriter endArray() {
        return close(']');
    }

    /**
     * Writes a member name; the next call writes its value.
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
     * Writes a string.
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
     * Writes a number.
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
     * Writes a float array on one line.
     *
     * @param values the values
     * @return this writer
     */
    public JsonWriter value(float[] values) {
        separate();
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(Float.isFinite(values[i]) ? Float.toString(values[i]) : "null");
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
        return Double.toString(v);
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
                default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        out.append('"');
    }
}
