package org.vivarium.plugin.steering.io;

import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonReader;
import org.vivarium.report.io.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookName;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.extract.PositionMode;

/**
 * Reads and writes {@code direction.json}: the chosen direction (layer, hook, raw vector, norm, held-out
 * separation, and for an audit the coefficient it was claimed at), a summary of every residual site, and
 * provenance.
 */
public final class DirectionFile {
    /** The file name inside an output directory. */
    public static final String FILE = "direction.json";
    /** The format tag at the top of the file. */
    public static final String FORMAT = "vivarium-steering-direction/1";

    private DirectionFile() {
    }

    /**
     * Renders the JSON text.
     *
     * @param chosen the direction to save
     * @param mode how prompt vectors were formed
     * @param all every site's direction, for the per-layer summary
     * @param prov where it came from
     * @return the JSON document
     */
    public static String render(LayerDirection chosen, PositionMode mode, List<LayerDirection> all,
            DirectionProvenance prov) {
        return render(chosen, mode, all, prov, Double.NaN);
    }

    /**
     * Renders the JSON text with the coefficient a claim was made at.
     *
     * @param chosen the direction to save
     * @param mode how prompt vectors were formed
     * @param all every site's direction, for the per-layer summary
     * @param prov where it came from
     * @param coefficient the multiple of the vector that showed the effect, or NaN for none (then omitted)
     * @return the JSON document
     */
    public static String render(LayerDirection chosen, PositionMode mode, List<LayerDirection> all,
            DirectionProvenance prov, double coefficient) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value(FORMAT);
        w.name("layer").value(chosen.layer());
        w.name("hook").value(chosen.hook().path());
        w.name("position").value(mode.id());
        w.name("norm").value(chosen.norm());
        w.name("auroc").value(chosen.separation().auroc());
        w.name("cohens_d").value(chosen.separation().cohensD());
        w.name("scale").value("coefficients multiply this raw mean-difference vector (c=1 adds it once)");
        if (Double.isFinite(coefficient)) {
            w.name("coefficient").value(coefficient);
        }
        w.name("vector").value(chosen.vector());
        w.name("layers").beginArray();
        for (LayerDirection d : all) {
            w.beginObject().name("layer").value(d.layer()).name("hook").value(d.hook().path())
                    .name("norm").value(d.norm()).name("auroc").value(d.separation().auroc())
                    .name("cohens_d").value(d.separation().cohensD()).name("n_held_out").value(d.separation().n())
                    .endObject();
        }
        w.endArray();
        provenance(w, prov);
        return w.endObject().toString();
    }

    /**
     * Writes {@code direction.json} atomically.
     *
     * @param outDir the output directory
     * @param chosen the direction to save
     * @param mode how prompt vectors were formed
     * @param all every site's direction
     * @param prov where it came from
     * @return the written file
     */
    public static Path write(Path outDir, LayerDirection chosen, PositionMode mode, List<LayerDirection> all,
            DirectionProvenance prov) {
        return write(outDir, chosen, mode, all, prov, Double.NaN);
    }

    /**
     * Writes {@code direction.json} atomically, with the coefficient a claim was made at.
     *
     * @param outDir the output directory
     * @param chosen the direction to save
     * @param mode how prompt vectors were formed
     * @param all every site's direction
     * @param prov where it came from
     * @param coefficient the multiple of the vector that showed the effect, or NaN for none
     * @return the written file
     */
    public static Path write(Path outDir, LayerDirection chosen, PositionMode mode, List<LayerDirection> all,
            DirectionProvenance prov, double coefficient) {
        Path file = outDir.resolve(FILE);
        AtomicText.write(file, render(chosen, mode, all, prov, coefficient));
        return file;
    }

    /**
     * Reads a saved direction; a directory is taken to hold {@code direction.json}.
     *
     * @param path the file or its directory
     * @return the direction
     * @throws VivariumException if the file is missing or malformed
     */
    public static SavedDirection read(Path path) {
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
            Map<?, ?> prov = m.get("provenance") instanceof Map<?, ?> p ? p : Map.of();
            return new SavedDirection(((Number) m.get("layer")).intValue(), new HookName((String) m.get("hook")),
                    PositionMode.parse((String) m.get("position")), floats((List<?>) m.get("vector")),
                    String.valueOf(prov.get("checkpoint")), String.valueOf(prov.get("organism")));
        } catch (IOException e) {
            throw malformed(file, e.getMessage(), e);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw malformed(file, e.getMessage(), e);
        }
    }

    private static float[] floats(List<?> values) {
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) values.get(i)).floatValue();
        }
        if (v.length == 0) {
            throw new IllegalArgumentException("the vector is empty");
        }
        return v;
    }

    private static VivariumException malformed(Path file, String why, Throwable cause) {
        return new VivariumException("cannot read direction file " + file + " (" + why + ")",
                "write it again with 'viv steering direction'", cause);
    }

    private static void provenance(JsonWriter w, DirectionProvenance p) {
        w.name("provenance").beginObject();
        w.name("kind").value("direction");
        w.name("recipe").value("method/steering");
        w.name("checkpoint").value(p.checkpoint());
        w.name("organism").value(p.organism());
        w.name("positive_prompts").value(p.positives());
        w.name("negative_prompts").value(p.negatives());
        w.name("seeds").beginObject();
        p.seeds().forEach((k, v) -> w.name(k).value(v));
        w.endObject();
        w.name("model").beginObject();
        Provenance m = p.model();
        if (m != null) {
            w.name("recipe").value(m.recipe()).name("seed").value(m.seed()).name("data_hash").value(m.dataHash())
                    .name("code_version").value(m.codeVersion()).name("created_at").value(m.createdAt());
        }
        w.endObject();
        w.name("created_at").value(p.createdAt());
        w.endObject();
    }
}
