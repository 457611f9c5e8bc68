package org.vivarium.organisms.superposition;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.ProvenanceJson;
import org.vivarium.checkpoint.io.JsonFiles;
import org.vivarium.checkpoint.safetensors.SafetensorsFile;
import org.vivarium.checkpoint.safetensors.SafetensorsReader;
import org.vivarium.checkpoint.safetensors.SafetensorsWriter;

/**
 * Reads and writes a trained sweep under {@code RUN/checkpoint/}:
 * <ul>
 *   <li>{@code density-<1-S>.safetensors}: tensors {@code W} {@code [m, n]} and {@code b} {@code [n]} (float32,
 *       loadable with Python's {@code safetensors}), metadata {@code feature_density}</li>
 *   <li>{@code sweep.json}: n, m, importance decay, steps, batch, learning rate, and per density the file and
 *       the final loss</li>
 *   <li>{@code provenance.json}: recipe {@code organism/superposition}, seed, settings, code version</li>
 * </ul>
 */
public final class SweepFiles {
    private static final String FIX = "train it again: viv organism train superposition";

    private SweepFiles() {
    }

    /**
     * One trained model of the sweep.
     *
     * @param density 1 - S
     * @param model the weights
     * @param finalLoss mean loss over the last steps
     */
    public record Entry(double density, ToyModel model, double finalLoss) {
    }

    /**
     * A sweep on disk.
     *
     * @param config the recipe
     * @param entries one per density, in the recipe's order
     * @param provenance where it came from
     */
    public record Sweep(SweepConfig config, List<Entry> entries, Provenance provenance) {
    }

    /**
     * Writes the sweep.
     *
     * @param dir the checkpoint directory (created)
     * @param sweep the sweep
     */
    public static void write(Path dir, Sweep sweep) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new VivariumException("cannot create " + dir + " (" + e.getMessage() + ")",
                    "check that the directory is writable");
        }
        SweepConfig c = sweep.config();
        JsonObject root = new JsonObject();
        root.addProperty("format", "vivarium-superposition-sweep/1");
        root.addProperty("n_features", c.features());
        root.addProperty("m_hidden", c.hidden());
        root.addProperty("importance_decay", c.importanceDecay());
        root.addProperty("steps_per_density", c.steps());
        root.addProperty("batch_size", c.batchSize());
        root.addProperty("learning_rate", c.learningRate());
        JsonArray models = new JsonArray();
        for (Entry e : sweep.entries()) {
            String file = fileName(e.density());
            Map<String, Tensor> t = new LinkedHashMap<>();
            t.put("W", Tensor.of(toFloats(e.model().weights()), c.hidden(), c.features()));
            t.put("b", Tensor.of(toFloats(new double[][] {e.model().bias()}), c.features()));
            SafetensorsWriter.write(dir.resolve(file), t, Map.of("feature_density", SweepConfig.label(e.density()),
                    "recipe", "organism/superposition"));
            JsonObject m = new JsonObject();
            m.addProperty("feature_density", e.density());
            m.addProperty("file", file);
            m.addProperty("final_loss", e.finalLoss());
            models.add(m);
        }
        root.add("models", models);
        JsonFiles.writePretty(dir.resolve("sweep.json"), root);
        ProvenanceJson.write(dir.resolve("provenance.json"), sweep.provenance());
    }

    /**
     * Reads a sweep.
     *
     * @param dir the checkpoint directory
     * @return the sweep
     * @throws VivariumException if a file is missing or malformed
     */
    public static Sweep read(Path dir) {
        Path json = dir.resolve("sweep.json");
        if (!Files.isRegularFile(json)) {
            throw new VivariumException("no superposition sweep at " + dir + " (sweep.json is missing)", FIX);
        }
        JsonObject root = JsonFiles.readObject(json, FIX);
        try {
            List<Double> densities = new ArrayList<>();
            List<Entry> entries = new ArrayList<>();
            int n = root.get("n_features").getAsInt();
            int m = root.get("m_hidden").getAsInt();
            for (JsonElement el : root.getAsJsonArray("models")) {
                JsonObject o = el.getAsJsonObject();
                double d = o.get("feature_density").getAsDouble();
                SafetensorsFile f = SafetensorsReader.read(dir.resolve(o.get("file").getAsString()));
                Tensor w = f.tensors().get("W");
                Tensor b = f.tensors().get("b");
                if (w == null || b == null || w.shape().length != 2 || w.shape()[0] != m || w.shape()[1] != n
                        || b.shape().length != 1 || b.shape()[0] != n) {
                    throw new VivariumException(dir.resolve(o.get("file").getAsString()) + " must hold W [" + m + ", "
                            + n + "] and b [" + n + "]", FIX);
                }
                densities.add(d);
                entries.add(new Entry(d, new ToyModel(toDoubles(w.data(), m, n), toDoubles(b.data(), 1, n)[0]),
                        o.get("final_loss").getAsDouble()));
            }
            SweepConfig c = new SweepConfig(n, m, root.get("importance_decay").getAsDouble(), densities,
                    root.get("steps_per_density").getAsInt(), root.get("batch_size").getAsInt(),
                    root.get("learning_rate").getAsDouble());
            return new Sweep(c, entries, ProvenanceJson.read(dir.resolve("provenance.json")));
        } catch (NullPointerException | IllegalStateException | UnsupportedOperationException
                | IllegalArgumentException e) {
            throw new VivariumException(json + " is malformed (" + e.getMessage() + ")", FIX);
        }
    }

    /**
     * The file name of one model.
     *
     * @param density 1 - S
     * @return e.g. {@code density-0.001.safetensors}
     */
    public static String fileName(double density) {
        return "density-" + SweepConfig.label(density) + ".safetensors";
    }

    private static float[] toFloats(double[][] a) {
        float[] out = new float[a.length * a[0].length];
        int p = 0;
        for (double[] row : a) {
            for (double v : row) {
                out[p++] = (float) v;
            }
        }
        return out;
    }

    private static double[][] toDoubles(float[] data, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = data[r * cols + c];
            }
        }
        return out;
    }
}
