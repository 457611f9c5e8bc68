package org.vivarium.report.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON into plain Java values, over Gson's {@link com.google.gson.stream.JsonReader} (plugins see no
 * JSON library, so this wrapper is what they get). Objects become {@code Map<String, Object>}
 * (insertion-ordered; a repeated member keeps its last value), arrays {@code List<Object>}, numbers
 * {@code Double}, plus {@code String}, {@code Boolean} and {@code null}.
 */
public final class JsonReader {
    private static final Pattern WHERE = Pattern.compile("\\s*at line (\\d+) column (\\d+)(?: path \\S*)?");

    private JsonReader() {
    }

    /**
     * Parses one JSON value.
     *
     * @param text the JSON text
     * @return the value
     * @throws IllegalArgumentException with the character offset if the text is not valid JSON
     */
    public static Object parse(String text) {
        com.google.gson.stream.JsonReader in = new com.google.gson.stream.JsonReader(new StringReader(text));
        in.setStrictness(Strictness.LEGACY_STRICT);
        Object v;
        try {
            v = value(in);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException(message(e, text), e);
        }
        String end = in.toString(); // "JsonReader at line L column C path P", just after the value
        try {
            if (in.peek() == JsonToken.END_DOCUMENT) {
                return v;
            }
        } catch (IOException e) {
            // trailing text that is not even a token; reported below
        }
        int at = offset(end, text);
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        throw new IllegalArgumentException("unexpected text after the value at character " + at);
    }

    private static Object value(com.google.gson.stream.JsonReader in) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                in.beginObject();
                while (in.hasNext()) {
                    m.put(in.nextName(), value(in));
                }
                in.endObject();
                return m;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                in.beginArray();
                while (in.hasNext()) {
                    list.add(value(in));
                }
                in.endArray();
                return list;
            }
            case STRING -> {
                return in.nextString();
            }
            case NUMBER -> {
                return in.nextDouble();
            }
            case BOOLEAN -> {
                return in.nextBoolean();
            }
            case NULL -> {
                in.nextNull();
                return null;
            }
            default -> throw new IllegalStateException("Expected a value but was " + in.peek()
                    + in.toString().substring("JsonReader".length()));
        }
    }

    /** Gson's message without its troubleshooting link, its line/column turned into a character offset. */
    private static String message(Exception e, String text) {
        if (e instanceof java.io.EOFException) {
            return "unexpected end of input at character " + text.length();
        }
        String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        Matcher at = WHERE.matcher(m);
        if (!at.find()) {
            return m;
        }
        String what = m.substring(0, at.start()).replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept"
                + " malformed JSON", "malformed JSON");
        return Character.toLowerCase(what.charAt(0)) + what.substring(1) + where(m, text);
    }

    /** Returns " at character N" for the first "line L column C" in a Gson message, or "". */
    private static String where(String gson, String text) {
        int at = offset(gson, text);
        return at < 0 ? "" : " at character " + at;
    }

    /** Turns the first "line L column C" in a Gson message into a character offset in the text, or -1. */
    private static int offset(String gson, String text) {
        Matcher at = WHERE.matcher(gson);
        if (!at.find()) {
            return -1;
        }
        int line = Integer.parseInt(at.group(1));
        int column = Integer.parseInt(at.group(2));
        int offset = 0;
        for (int l = 1; l < line && offset < text.length(); l++) {
            int nl = text.indexOf('\n', offset);
            offset = nl < 0 ? text.length() : nl + 1;
        }
        return Math.min(text.length(), offset + column - 1);
    }
}
