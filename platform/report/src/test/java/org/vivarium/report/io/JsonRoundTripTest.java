package org.vivarium.report.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

    @Test
    void writerOutputParsesBackToTheSameValues() {
        String json = new JsonWriter().beginObject()
                .name("s").value("tab\there \"quoted\" \\ back\nslash \u0001")
                .name("d").value(0.125).name("i").value(42L).name("nan").value(Double.NaN)
                .name("small").value(1e-7)
                .name("v").value(new float[] {1.5f, -2f, 3e-5f})
                .name("empty").beginArray().endArray()
                .name("list").beginArray().beginObject().name("k").value("x").endObject().value(7L).endArray()
                .endObject().toString();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) JsonReader.parse(json);
        assertEquals("tab\there \"quoted\" \\ back\nslash \u0001", m.get("s"));
        assertEquals(0.125, m.get("d"));
        assertEquals(42.0, m.get("i"));
        assertNull(m.get("nan"));
        assertEquals(1e-7, m.get("small"));
        List<?> v = (List<?>) m.get("v");
        assertEquals(3, v.size());
        assertEquals(3e-5f, ((Double) v.get(2)).floatValue(), "floats round-trip exactly");
        assertEquals(-2.0, v.get(1));
        assertEquals(List.of(), m.get("empty"));
        assertEquals(List.of(Map.of("k", "x"), 7.0), m.get("list"));
    }

    @Test
    void rejectsMalformedJsonWithAnOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\": }"));
        assertEquals("expected value at character 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[1,\n 2,\n x]"));
        assertTrue(e.getMessage().endsWith("at character 9"), e.getMessage()); // the x, on line 3
        e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[1, 2"));
        assertTrue(e.getMessage().contains("end of input"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{} extra"));
        assertEquals("unexpected text after the value at character 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(""));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\": NaN}"));
    }

    @Test
    void writerKeepsItsLayout() {
        String json = new JsonWriter().beginObject().name("a").value(1.0).name("b").beginArray().value(1.5)
                .value(Double.POSITIVE_INFINITY).endArray().name("v").value(new float[] {1.5f, Float.NaN})
                .name("e").beginObject().endObject().name("s").value((String) null).name("t").value("<ok> & 'é'")
                .endObject().toString();
        assertEquals("""
                {
                  "a": 1,
                  "b": [
                    1.5,
                    null
                  ],
                  "v": [1.5, null],
                  "e": {},
                  "s": null,
                  "t": "<ok> & 'é'"
                }
                """, json);
    }

    @Test
    void readerKeepsOrderAndTheLastOfRepeatedMembers() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) JsonReader.parse("{\"z\": 1, \"a\": true, \"z\": 2}");
        assertEquals(List.of("z", "a"), List.copyOf(m.keySet()));
        assertEquals(2.0, m.get("z"));
        assertEquals(Boolean.TRUE, m.get("a"));
        assertEquals("x", JsonReader.parse("\"x\""));
        assertNull(JsonReader.parse(" null "));
    }

    @Test
    void misuseOfTheWriterFailsEarly() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value(1L));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1L).value(2L));
    }
}
