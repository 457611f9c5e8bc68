package org.vivarium.plugin.sae.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.train.SaeConfig;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonReader;
import org.vivarium.report.io.JsonWriter;

/**
 * Saves and loads an SAE directory: {@code W_enc.npy [d_in, d_sae]}, {@code b_enc.npy [d_sae]},
 * {@code W_dec.npy [d_sae, d_in]}, {@code b_dec.npy [d_in]} (float32, read and written by ND4J through the host's
 * {@link LinearAlgebra}) and {@code sae.json}. The weights read raw
 * activations (the training scaling is folded in), so in numpy:
 * {@code f = relu((x - b_dec) @ W_enc + b_enc)}, {@code x_hat = f @ W_dec + b_dec}.
 */
public final class SaeFiles {
    /** The metadata file. */
    public static final String JSON = "sae.json";
    private static final String FORMAT = "vivarium-sae";

    private SaeFiles() {
    }

    /** A loaded SAE. */
    public record Loaded(SparseAutoencoder sae, SaeInfo info) {
    }

    /**
     * Writes the directory; {@code sae.json} goes last, so a directory with one holds complete weights.
     *
     * @param dir the output directory
     * @param weights weights on raw activations
     * @param info the metadata
     * @param la the host's linear-algebra service, which writes the {@code .npy} files
     */
    public static void save(Path dir, SaeWeights weights, SaeInfo info, LinearAlgebra la) {
        SaeArrays.write(la, dir.resolve("W_enc.npy"), weights.wEnc());
        la.writeNpy(dir.resolve("b_enc.npy"), weights.bEnc());
        SaeArrays.write(la, dir.resolve("W_dec.npy"), weights.wDec());
        la.writeNpy(dir.resolve("b_dec.npy"), weights.bDec());
        AtomicText.write(dir.resolve(JSON), json(info, weights.latents()));
    }

    private static String json(SaeInfo info, int latents) {
        SaeConfig c = info.config();
        SaeInfo.DataSource d = info.data();
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value(FORMAT).name("version").value(1);
        w.name("architecture").beginObject().name("kind").value(c.kind().label()).name("d_in").value(info.dIn())
                .name("d_sae").value(latents).name("k").value(c.k()).endObject();
        w.name("hook").value(info.hook()).name("layer").value(info.layer());
        w.name("feature_prefix").value(info.featurePrefix());
        w.name("activation_scale").value(info.scale());
        w.name("weights").value("raw activations: the scaling is folded into W_enc (*s), W_dec and b_dec (/s)");
        w.name("training").beginObject().name("l1").value(c.l1()).name("lr").value(c.lr()).name("batch")
                .value(c.batch()).name("steps").value(c.steps()).name("seed").value(c.seed()).name("resample_every")
                .value(c.resampleEvery()).name("threads").value(c.threads()).name("shuffle_rows")
                .value(c.shuffleRows()).endObject();
        w.name("data").beginObject().name("store").value(d.store()).name("run").value(d.run()).name("model")
                .value(d.model()).name("checkpoint_hash").value(d.checkpointHash()).name("prompt_set_hash")
                .value(d.promptSetHash()).name("data_hash").value(d.dataHash());
        w.name("train_sequences").beginArray().value(d.trainSeqs()[0]).value(d.trainSeqs()[1]).endArray();
        w.name("eval_sequences").beginArray().value(d.evalSeqs()[0]).value(d.evalSeqs()[1]).endArray().endObject();
        w.name("metrics").beginObject();
        info.metrics().forEach((k, v) -> w.name(k).value(v));
        w.endObject();
        w.name("created_at").value(info.createdAt());
        return w.endObject().toString();
    }

    /**
     * Loads an SAE directory.
     *
     * @param dir the directory written by {@link #save}
     * @param la the host's linear-algebra service, which reads the {@code .npy} files
     * @return the SAE (on raw activations) and its metadata
     * @throws VivariumException if a file is missing or malformed
     */
    @SuppressWarnings("unchecked")
    public static Loaded load(Path dir, LinearAlgebra la) {
        Path json = dir.resolve(JSON);
        if (!Files.isRegularFile(json)) {
            throw new VivariumException("SAE directory " + dir + " has no " + JSON,
                    "pass a directory written by 'viv sae train --out DIR'");
        }
        Map<String, Object> m;
        try {
            m = (Map<String, Object>) JsonReader.parse(Files.readString(json));
        } catch (Exception e) {
            throw new VivariumException("cannot read " + json + ": " + e.getMessage(),
                    "train the SAE again with 'viv sae train'", e);
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw new VivariumException(json + " is not a Vivarium SAE file", "pass a directory from 'viv sae train'");
        }
        Map<String, Object> arch = map(m, "architecture", json);
        Map<String, Object> tr = map(m, "training", json);
        Map<String, Object> data = map(m, "data", json);
        SaeKind kind = SaeKind.parse(str(arch, "kind"));
        int dIn = num(arch, "d_in", json).intValue();
        int latents = num(arch, "d_sae", json).intValue();
        int k = num(arch, "k", json).intValue();
        SaeConfig cfg = new SaeConfig(kind, latents, kind == SaeKind.TOPK ? k : 0, num(tr, "l1", json).doubleValue(),
                num(tr, "lr", json).doubleValue(), num(tr, "batch", json).intValue(), num(tr, "steps", json).longValue(),
                num(tr, "seed", json).longValue(), num(tr, "resample_every", json).intValue(),
                num(tr, "threads", json).intValue(), num(tr, "shuffle_rows", json).intValue());
        SaeInfo.DataSource src = new SaeInfo.DataSource(str(data, "store"), str(data, "run"), str(data, "model"),
                str(data, "checkpoint_hash"), str(data, "prompt_set_hash"), str(data, "data_hash"),
                range(data, "train_sequences"), range(data, "eval_sequences"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        Object met = m.get("metrics");
        if (met instanceof Map) {
            ((Map<String, Object>) met).forEach((key, v) -> metrics.put(key, v instanceof Double ? (Double) v
                    : Double.NaN));
        }
        SaeInfo info = new SaeInfo(cfg, dIn, str(m, "hook"), num(m, "layer", json).intValue(), src,
                num(m, "activation_scale", json).floatValue(), metrics, str(m, "created_at"));
        SaeWeights w = new SaeWeights(SaeArrays.readMatrix(la, dir.resolve("W_enc.npy"), dIn, latents),
                SaeArrays.readVector(la, dir.resolve("b_enc.npy"), latents),
                SaeArrays.readMatrix(la, dir.resolve("W_dec.npy"), latents, dIn),
                SaeArrays.readVector(la, dir.resolve("b_dec.npy"), dIn));
        return new Loaded(new SparseAutoencoder(w, kind, cfg.k()), info);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key, Path file) {
        Object v = m.get(key);
        if (!(v instanceof Map)) {
            throw new VivariumException(file + " has no \"" + key + "\" object", "train the SAE again");
        }
        return (Map<String, Object>) v;
    }

    private static Number num(Map<String, Object> m, String key, Path file) {
        Object v = m.get(key);
        if (!(v instanceof Number)) {
            throw new VivariumException(file + " has no number \"" + key + "\"", "train the SAE again");
        }
        return (Number) v;
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    private static int[] range(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof List && ((List<?>) v).size() == 2) {
            List<?> l = (List<?>) v;
            return new int[] {((Number) l.get(0)).intValue(), ((Number) l.get(1)).intValue()};
        }
        return new int[] {0, 0};
    }
}
