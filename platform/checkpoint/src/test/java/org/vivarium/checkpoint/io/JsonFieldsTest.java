package org.vivarium.checkpoint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class JsonFieldsTest {

    @Test
    void readsTypedValues() {
        JsonObject o = JsonFiles.parseObject("{\"i\":64.0,\"l\":9007199254740993,\"b\":true,\"s\":\"x\","
                + "\"m\":{\"k\":\"v\"}}", "mem", "fix");
        JsonFields f = new JsonFields(o, "mem");
        assertEquals(64, f.requireInt("i"));
        assertEquals(9007199254740993L, f.requireLong("l"));
        assertEquals(true, f.requireBoolean("b"));
        assertEquals("x", f.requireString("s"));
        assertEquals(Map.of("k", "v"), f.optionalStringMap("m"));
        assertEquals(5, f.optionalInt("absent", 5));
        assertTrue(f.isValid());
    }

    @Test
    void collectsEveryProblemIntoOneMessage() {
        JsonObject o = JsonFiles.parseObject("{\"i\":3000000000,\"s\":[1]}", "src", "fix");
        JsonFields f = new JsonFields(o, "src");
        f.requireInt("i");
        f.requireString("s");
        f.requireBoolean("b");
        f.requireInt("j");
        VivariumException e = assertThrows(VivariumException.class, () -> f.throwIfInvalid("do this"));
        assertEquals("src: missing b, j; i must fit in a 32-bit integer, got 3000000000; s must be a string, "
                + "got an array — do this", e.getMessage());
    }

    @Test
    void parsingIsStrict() {
        for (String bad : new String[] {"{a: 1}", "{'a': 1}", "{\"a\": 1} x", "{\"a\": 1,}", "// c\n{}"}) {
            VivariumException e = assertThrows(VivariumException.class, () -> JsonFiles.parseObject(bad, "f.json",
                    "fix it"), bad);
            assertTrue(e.getMessage().startsWith("f.json is not valid JSON"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
