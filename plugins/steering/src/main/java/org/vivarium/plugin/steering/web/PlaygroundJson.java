package org.vivarium.plugin.steering.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vivarium.api.VivariumException;
import org.vivarium.report.io.JsonReader;
import org.vivarium.report.io.JsonWriter;

/** The JSON API's request fields and answers. */
final class PlaygroundJson {
    private static final String FIX = "send an object such as {\"checkpoint\": \"runs/backdoor\", \"direction\":"
            + " \"runs/steering/backdoor/direction.json\", \"coefficient\": 4, \"prompt\": \"Hello\"}";

    private PlaygroundJson() {
    }

    /**
     * Reads a request body: a JSON object whose members are the form's fields; numbers may be JSON numbers and the
     * prompt sets arrays of strings.
     *
     * @param body the JSON text
     * @return each field's value as the form would carry it
     * @throws VivariumException if the body is not a JSON object
     */
    static Function<String, String> fields(String body) {
        Object doc;
        try {
            doc = JsonReader.parse(body);
        } catch (IllegalArgumentException e) {
            throw new VivariumException("the request body is not JSON (" + e.getMessage() + ")", FIX);
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw new VivariumException("the request body is not a JSON object", FIX);
        }
        return name -> text(m.get(name));
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        }
        return String.valueOf(v);
    }

    /**
     * @param r a result
     * @return it as a JSON object
     */
    static String result(PlaygroundResult r) {
        return new JsonWriter().beginObject().name("checkpoint").value(r.checkpoint()).name("hook").value(r.hook())
                .name("coefficient").value(r.coefficient()).name("direction").value(r.direction()).name("norm")
                .value(r.norm()).name("prompt").value(r.prompt()).name("unsteered").value(r.unsteered())
                .name("steered").value(r.steered()).name("millis").value(r.millis()).endObject().toString();
    }

    /**
     * @param problem what is wrong
     * @param fix how to fix it
     * @return {@code {"error": problem, "fix": fix}}
     */
    static String error(String problem, String fix) {
        return new JsonWriter().beginObject().name("error").value(problem).name("fix").value(fix).endObject()
                .toString();
    }
}
