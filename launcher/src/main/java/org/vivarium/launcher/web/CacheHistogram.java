package org.vivarium.launcher.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.cache.MapDbActivationCache;

/**
 * A feature's activation histogram over every cached token of its run, read live from the activation cache
 * ({@code <runs>/cache}, where {@code viv cache} writes by default): an SAE latent's non-zero activations, its SAE
 * encoding each cached row of the run and hook it was trained on ({@link SaeLatent}); a neuron's {@code hook_post}
 * column from the newest cached run of its model that holds that hook. The cache is opened read-only for the
 * request only ({@link MapDbActivationCache#openReadOnly}), so {@code viv cache} can write between requests; while
 * it writes, the page falls back to the index with a note. At most {@link #MAX_ROWS} rows are read per request, and
 * for a TopK SAE at most {@link #MAX_MULTIPLY_ADDS} multiply-adds are spent.
 */
final class CacheHistogram {
    /** Most cached rows read per request. */
    static final int MAX_ROWS = 200_000;
    /** Most multiply-adds spent encoding rows per request (a TopK SAE encodes every latent). */
    static final long MAX_MULTIPLY_ADDS = 500_000_000L;
    private final Path cache;
    private final long maxRows;

    /**
     * The histogram from the cache, or why there is none.
     *
     * @param histogram the histogram, or null when the cache could not give one
     * @param tokens how many cached tokens were read
     * @param note where the histogram comes from, or why the cache was not used
     */
    record Result(Histogram histogram, long tokens, String note) {
    }

    /**
     * @param cache the activation cache directory
     */
    CacheHistogram(Path cache) {
        this(cache, MAX_ROWS);
    }

    /**
     * @param cache the activation cache directory
     * @param maxRows most cached rows read per request
     */
    CacheHistogram(Path cache, long maxRows) {
        this.cache = cache;
        this.maxRows = maxRows;
    }

    /**
     * @param feature the feature id
     * @param sample one of its contexts (its model names a neuron's cached run)
     * @param artifacts where its SAE is found
     * @param bins histogram bins
     * @return the histogram from the cache, or why the cache gives none for this feature
     */
    Result of(String feature, ContextRecord sample, FeatureArtifacts artifacts, int bins) {
        FeatureKind kind = FeatureKind.of(feature);
        if (kind == FeatureKind.NEURON) {
            int[] li = FeatureKind.layerAndIndex(feature);
            return neuron(sample.model(), "blocks." + li[0] + ".mlp.hook_post", li[1], bins);
        }
        if (kind != FeatureKind.SAE_LATENT) {
            return new Result(null, 0, "the activation cache holds no activations of a " + kind.label());
        }
        Path sae = artifacts.saeFile(feature, sample);
        if (sae == null) {
            return new Result(null, 0, "no SAE directory (sae.json) for " + feature + " to encode cached rows with");
        }
        try {
            return latent(SaeLatent.read(sae, FeatureKind.layerAndIndex(feature)[1]), bins);
        } catch (VivariumException e) {
            return new Result(null, 0, e.problem());
        }
    }

    /**
     * @param sae the latent's encoder
     * @param bins histogram bins
     * @return the histogram of the latent's non-zero activations over the cached run, or why there is none
     */
    Result latent(SaeLatent sae, int bins) {
        if (sae.run() == null || sae.hook() == null) {
            return new Result(null, 0, "the SAE's sae.json names no cached run and hook");
        }
        long cap = Math.max(1, Math.min(maxRows, MAX_MULTIPLY_ADDS / sae.costPerRow()));
        float[] scratch = new float[sae.bEnc().length];
        return read(c -> c.run(sae.run()), sae.hook(), cap, bins, true, row -> {
            if (row.length != sae.dIn()) {
                throw new VivariumException("cached rows of " + sae.hook() + " have " + row.length
                        + " values but the SAE reads " + sae.dIn(), "point the SAE at the run it was trained on");
            }
            return sae.activation(row, scratch);
        });
    }

    /**
     * @param model the neuron's model (the model name of the cached run)
     * @param hook the neuron's hook, e.g. {@code blocks.0.mlp.hook_post}
     * @param neuron the column
     * @param bins histogram bins
     * @return the histogram of the column's values over the newest cached run of the model with that hook
     */
    Result neuron(String model, String hook, int neuron, int bins) {
        return read(c -> c.runs().stream().filter(r -> r.modelName().equals(model) && r.hook(hook).isPresent())
                .max(Comparator.comparing(CacheRun::createdAt)), hook, maxRows, bins, false, row -> {
                    if (neuron >= row.length) {
                        throw new VivariumException("cached rows of " + hook + " have " + row.length
                                + " values, so no neuron " + neuron, "check the feature id");
                    }
                    return row[neuron];
                });
    }

    /** Reads one value per cached row. */
    private interface Reader {
        float value(float[] row);
    }

    private interface RunFinder {
        Optional<CacheRun> find(MapDbActivationCache cache);
    }

    private Result read(RunFinder finder, String hook, long cap, int bins, boolean nonZero, Reader reader) {
        if (!Files.isRegularFile(cache.resolve("FORMAT"))) {
            return new Result(null, 0, "no activation cache at " + cache.getFileName());
        }
        try (MapDbActivationCache c = MapDbActivationCache.openReadOnly(cache)) {
            Optional<CacheRun> run = finder.find(c);
            if (run.isEmpty() || run.get().hook(hook).isEmpty()) {
                return new Result(null, 0, "the activation cache has no run with hook " + hook + " for this feature");
            }
            try (RowCursor rows = c.rows(run.get().id(), hook)) {
                float[] row = new float[rows.width()];
                float[] values = new float[(int) Math.min(cap, rows.size())];
                int kept = 0;
                long read = 0;
                while (read < cap && rows.next()) {
                    rows.read(row);
                    read++;
                    float v = reader.value(row);
                    if (!nonZero || v != 0) {
                        values[kept++] = v;
                    }
                }
                String of = read < rows.size() ? "the first " + read + " of " + rows.size() : "all " + read;
                return new Result(Histogram.of(Arrays.copyOf(values, kept), bins), read, "from the cache (" + read
                        + " tokens): " + of + " cached tokens of run " + run.get().id() + ", hook " + hook
                        + (nonZero ? ", " + kept + " non-zero activations" : ""));
            }
        } catch (VivariumException e) {
            return new Result(null, 0, "the activation cache could not be read (" + e.problem() + ")");
        }
    }
}
