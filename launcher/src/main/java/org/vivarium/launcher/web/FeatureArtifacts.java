package org.vivarium.launcher.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.linalg.nd4j.Nd4jLinearAlgebra;

/**
 * Finds, below the runs directory, what a feature's direction lives in and reads it on every request: a neuron's
 * {@code W_out} row from the checkpoint of the model its contexts name; an SAE latent's {@code W_dec} row from the
 * SAE directory ({@code sae.json}) whose feature prefix and cached run match, with the checkpoint its content hash
 * names; a probe's direction from the {@code probes.json} that lists it, with the checkpoint it was fitted on. Then
 * multiplies the direction by the checkpoint's {@code W_U} ({@link OutputTokens}). Model and run are those of the
 * feature's strongest context. Only regular files at most
 * {@link #MAX_DEPTH} levels down are read; symbolic links and hidden directories are not followed.
 */
final class FeatureArtifacts {
    /** How deep below the runs directory artifacts are looked for. */
    static final int MAX_DEPTH = 5;
    private final Path runs;
    /** Checkpoint directory to {size@mtime of its weights, content hash}. */
    private final Map<Path, String[]> hashes = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param runs the runs directory ({@code viv serve --runs})
     */
    FeatureArtifacts(Path runs) {
        this.runs = runs.toAbsolutePath().normalize();
    }

    /**
     * @param feature the feature id
     * @param sample one of its contexts (for model, run, hook and layer)
     * @return the kind, its fields and the output tokens or why there are none
     */
    FeatureOutput resolve(String feature, ContextRecord sample) {
        FeatureKind kind = FeatureKind.of(feature);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("model", sample.model());
        fields.put("hook", sample.hook());
        fields.put("layer", Integer.toString(sample.layer()));
        try {
            return switch (kind) {
                case NEURON -> neuron(feature, sample, fields);
                case SAE_LATENT -> latent(feature, sample, fields);
                case PROBE -> probe(feature, sample, fields);
                case OTHER -> new FeatureOutput(kind, fields, null, "features of source \"" + sample.source()
                        + "\" have no known direction, so no output tokens");
            };
        } catch (VivariumException e) {
            return new FeatureOutput(kind, fields, null, e.problem() + " (" + e.fix() + ")");
        }
    }

    private FeatureOutput neuron(String feature, ContextRecord sample, Map<String, String> fields) {
        int[] li = FeatureKind.layerAndIndex(feature);
        fields.put("neuron", Integer.toString(li[1]));
        Path dir = checkpointNamed(sample.model());
        if (dir == null) {
            return missing(FeatureKind.NEURON, fields, "no checkpoint of model \"" + sample.model() + "\"");
        }
        Checkpoint ck = CheckpointIO.read(dir);
        Tensor wOut = ck.weights().get("blocks." + li[0] + ".mlp.W_out");
        if (wOut == null || li[1] >= wOut.size(0)) {
            return new FeatureOutput(FeatureKind.NEURON, fields, null, "checkpoint " + rel(dir) + " has no MLP neuron "
                    + li[1] + " in layer " + li[0] + ", so no output tokens");
        }
        fields.put("d_mlp", Integer.toString(wOut.size(0)));
        float[] direction = wOut.row(li[1]);
        fields.put("|W_out[neuron]|", fmt(norm(direction)));
        Tensor wIn = ck.weights().get("blocks." + li[0] + ".mlp.W_in");
        if (wIn != null) {
            float[] column = new float[wIn.size(0)];
            for (int j = 0; j < column.length; j++) {
                column[j] = wIn.get(j, li[1]);
            }
            fields.put("|W_in[:, neuron]|", fmt(norm(column)));
        }
        return tokens(FeatureKind.NEURON, fields, direction, dir, ck);
    }

    private FeatureOutput latent(String feature, ContextRecord sample, Map<String, String> fields) {
        int[] li = FeatureKind.layerAndIndex(feature);
        fields.put("latent", Integer.toString(li[1]));
        String prefix = "sae/L" + li[0];
        Path bestFile = saeFile(feature, sample);
        if (bestFile == null) {
            return missing(FeatureKind.SAE_LATENT, fields, "no SAE directory (sae.json) with feature prefix " + prefix);
        }
        JsonObject best = RunJson.read(bestFile);
        JsonObject arch = RunJson.object(best, "architecture");
        JsonObject data = RunJson.object(best, "data");
        fields.put("SAE", rel(bestFile.getParent()));
        fields.put("architecture", RunJson.text(arch, "kind"));
        fields.put("latents", RunJson.text(arch, "d_sae"));
        if ("topk".equalsIgnoreCase(RunJson.text(arch, "kind"))) {
            fields.put("k", RunJson.text(arch, "k"));
        }
        fields.put("trained on run", RunJson.text(data, "run"));
        FloatMatrix wDec = Nd4jLinearAlgebra.shared().readNpy(bestFile.resolveSibling("W_dec.npy"));
        if (li[1] >= wDec.rows()) {
            return new FeatureOutput(FeatureKind.SAE_LATENT, fields, null, rel(bestFile.getParent()) + " has "
                    + wDec.rows() + " latents, not " + (li[1] + 1) + ", so no output tokens");
        }
        float[] direction = java.util.Arrays.copyOfRange(wDec.data(), li[1] * wDec.cols(), (li[1] + 1) * wDec.cols());
        fields.put("|W_dec[latent]|", fmt(norm(direction)));
        String hash = RunJson.text(data, "checkpoint_hash");
        Path dir = hash == null || hash.isEmpty() ? checkpointNamed(RunJson.text(data, "model")) : checkpointHashed(hash);
        if (dir == null) {
            return missing(FeatureKind.SAE_LATENT, fields, "no checkpoint " + (hash == null || hash.isEmpty()
                    ? "of model \"" + RunJson.text(data, "model") + "\"" : "with content hash " + hash));
        }
        return tokens(FeatureKind.SAE_LATENT, fields, direction, dir, CheckpointIO.read(dir));
    }

    /**
     * @param feature an SAE latent id, e.g. {@code sae/L1/812}
     * @param sample one of its contexts; an SAE trained on the context's run is preferred
     * @return the {@code sae.json} of the SAE the latent belongs to, or null if none is found
     */
    Path saeFile(String feature, ContextRecord sample) {
        String prefix = "sae/L" + FeatureKind.layerAndIndex(feature)[0];
        Path best = null;
        for (Path f : files("sae.json")) {
            JsonObject o = RunJson.read(f);
            if (o != null && prefix.equals(RunJson.text(o, "feature_prefix")) && (best == null
                    || sample.run().equals(RunJson.text(RunJson.object(o, "data"), "run")))) {
                best = f;
            }
        }
        return best;
    }

    /** @return the feature histograms from the activation cache {@code <runs>/cache} ({@code viv cache}'s default) */
    CacheHistogram cache() {
        return new CacheHistogram(runs.resolve("cache"));
    }

    private FeatureOutput probe(String feature, ContextRecord sample, Map<String, String> fields) {
        JsonObject probe = null;
        JsonObject file = null;
        Path path = null;
        for (Path f : files("probes.json")) {
            JsonObject o = RunJson.read(f);
            for (JsonElement e : RunJson.array(o, "probes")) {
                if (e.isJsonObject() && feature.equals(RunJson.text(e.getAsJsonObject(), "feature")) && (probe == null
                        || sample.run().equals("probes/" + f.getParent().getFileName()))) {
                    probe = e.getAsJsonObject();
                    file = o;
                    path = f;
                }
            }
        }
        if (probe == null) {
            return missing(FeatureKind.PROBE, fields, "no probes.json lists " + feature);
        }
        fields.put("probes", rel(path.getParent()));
        for (String k : List.of("kind", "accuracy", "auroc", "bias", "n_train", "n_test")) {
            String v = RunJson.text(probe, k);
            if (v != null) {
                fields.put(k.equals("kind") ? "probe kind" : k, v);
            }
        }
        JsonArray d = RunJson.array(probe, "direction");
        if (d.isEmpty()) {
            return missing(FeatureKind.PROBE, fields, "a " + RunJson.text(probe, "kind")
                    + " probe has no single direction");
        }
        float[] direction = new float[d.size()];
        for (int i = 0; i < direction.length; i++) {
            direction[i] = d.get(i).getAsFloat();
        }
        fields.put("|direction|", fmt(norm(direction)));
        JsonObject prov = RunJson.object(file, "provenance");
        String given = RunJson.text(prov, "checkpoint");
        Path dir = given == null ? null : runs.getParent() == null ? null : runs.getParent().resolve(given).normalize();
        if (dir == null || !CheckpointIO.isCheckpoint(dir)) {
            dir = checkpointNamed(RunJson.text(prov, "model_name"));
        }
        if (dir == null) {
            return missing(FeatureKind.PROBE, fields, "no checkpoint " + given + " or of model \""
                    + RunJson.text(prov, "model_name") + "\"");
        }
        return tokens(FeatureKind.PROBE, fields, direction, dir, CheckpointIO.read(dir));
    }

    private FeatureOutput tokens(FeatureKind kind, Map<String, String> fields, float[] direction, Path dir,
            Checkpoint ck) {
        fields.put("checkpoint", rel(dir));
        Tensor wU = ck.weights().get("unembed.W_U");
        if (wU == null || wU.rank() != 2 || wU.size(0) != direction.length) {
            return new FeatureOutput(kind, fields, null, "the direction has " + direction.length + " values but W_U of "
                    + rel(dir) + " has " + (wU == null ? "no" : Integer.toString(wU.size(0))) + " rows, so it does not"
                    + " live in the residual stream: no output tokens");
        }
        return new FeatureOutput(kind, fields, OutputTokens.of(direction, wU, ck.tokenizer(), OutputTokens.TOP),
                kind.basis() + ", W_U of " + rel(dir) + " (final LayerNorm not applied)");
    }

    private FeatureOutput missing(FeatureKind kind, Map<String, String> fields, String what) {
        return new FeatureOutput(kind, fields, null, what + " under " + runs + ", so no output tokens");
    }

    /** @return the checkpoint directory {@code NAME} or {@code NAME/checkpoint} below the runs directory */
    private Path checkpointNamed(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        for (Path dir : checkpoints()) {
            String own = dir.getFileName().toString();
            Path parent = dir.getParent();
            if (own.equals(name) || own.equals("checkpoint") && parent != null
                    && parent.getFileName().toString().equals(name)) {
                return dir;
            }
        }
        return null;
    }

    private Path checkpointHashed(String hash) {
        for (Path dir : checkpoints()) {
            if (hash.equals(contentHash(dir))) {
                return dir;
            }
        }
        return null;
    }

    /**
     * The checkpoint's content hash, remembered while its weights file keeps its size and modification time, so a
     * page does not re-read every checkpoint below the runs directory (90 MB for MiniLM) on each request.
     */
    String contentHash(Path dir) {
        Path model = dir.resolve(CheckpointIO.MODEL_FILE);
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(model,
                    java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String stamp = a.size() + "@" + a.lastModifiedTime().toMillis();
            String[] known = hashes.get(dir);
            if (known != null && known[0].equals(stamp)) {
                return known[1];
            }
            String h = CheckpointIO.contentHash(dir);
            hashes.put(dir, new String[] {stamp, h});
            return h;
        } catch (IOException e) {
            return CheckpointIO.contentHash(dir); // unreadable attributes: hash afresh (it names the problem)
        }
    }

    private List<Path> checkpoints() {
        List<Path> out = new ArrayList<>();
        for (Path model : files(CheckpointIO.MODEL_FILE)) {
            if (CheckpointIO.isCheckpoint(model.getParent())) {
                out.add(model.getParent());
            }
        }
        return out;
    }

    /** @return the regular files of that name below the runs directory, outside hidden directories, sorted */
    private List<Path> files(String name) {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(runs, MAX_DEPTH)) {
            return s.filter(p -> p.getFileName().toString().equals(name)
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !hidden(runs.relativize(p)))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a directory vanished or is unreadable: nothing found there
        }
    }

    private static boolean hidden(Path relative) {
        for (Path segment : relative) {
            if (segment.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private String rel(Path p) {
        return p.startsWith(runs) ? runs.getFileName() + "/" + runs.relativize(p) : p.toString();
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
