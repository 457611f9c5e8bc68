package org.vivarium.report.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals("expected a value at character 6", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{} extra"));
    }
}
