package org.vivarium.plugin.lorainterp.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.plugin.lorainterp.analysis.ReferenceDirection;
import org.vivarium.report.io.JsonReader;

/**
 * Reads a direction saved by {@code viv steering direction} ({@code direction.json}, format
 * {@value #FORMAT}): its {@code hook} and raw {@code vector}. A directory is taken to hold
 * {@code direction.json}.
 */
public final class SteeringDirectionFile {
    /** The format tag the steering plugin writes. */
    public static final String FORMAT = "vivarium-steering-direction/1";
    /** The file name inside a steering output directory. */
    public static final String FILE = "direction.json";

    private SteeringDirectionFile() {
    }

    /**
     * Reads the direction.
     *
     * @param path the file or its directory
     * @return the direction
     * @throws VivariumException if the file is missing or is not a steering direction
     */
    public static ReferenceDirection read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("direction file " + file + " does not exist",
                    "create one with 'viv steering direction CKPT --pos FILE --neg FILE'");
        }
        try {
            Object doc = JsonReader.parse(Files.readString(file));
            if (!(doc instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
                throw malformed(file, "it is not a " + FORMAT + " document", null);
            }
            Object hook = m.get("hook");
            if (!(m.get("vector") instanceof List<?> values) || values.isEmpty()) {
                throw malformed(file, "it has no vector", null);
            }
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) values.get(i)).doubleValue();
            }
            return new ReferenceDirection(file.toString(), hook instanceof String s ? s : "", v);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw malformed(file, e.getMessage(), e);
        }
    }

    private static VivariumException malformed(Path file, String why, Throwable cause) {
        return new VivariumException("cannot read direction file " + file + " (" + why + ")",
                "pass a direction.json written by 'viv steering direction'", cause);
    }
}
