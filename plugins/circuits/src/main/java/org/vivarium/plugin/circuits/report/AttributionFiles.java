package org.vivarium.plugin.circuits.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.plugin.circuits.attribution.AttributionComparison;
import org.vivarium.plugin.circuits.patch.PatchResult;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;

/**
 * Writes attribution patching: {@code attribution.json} and {@code attribution_*.png} (the estimates, in
 * {@link PatchFiles}' format and normalisation), {@code patch.json} and {@code patch_*.png} (real patching, when
 * it ran) and {@code attribute.json} ({@code vivarium-circuits-attribute/1}: the correlations and timings).
 */
public final class AttributionFiles {
    private AttributionFiles() {
    }

    /**
     * Writes the files.
     *
     * @param dir output directory
     * @param estimate attribution patching
     * @param measured real patching, or {@code null} if it was skipped
     * @param cmp their correlation, or {@code null}
     * @param positions position labels
     * @param heads heads per layer
     * @param attributionSeconds wall time of attribution patching
     * @param patchingSeconds wall time of real patching (NaN if skipped)
     * @return written PNG file names to captions, in order
     */
    public static Map<String, String> write(Path dir, PatchResult estimate, PatchResult measured,
            AttributionComparison cmp, List<String> positions, int heads, double attributionSeconds,
            double patchingSeconds) {
        Map<String, String> images = new LinkedHashMap<>(
                PatchFiles.write(dir, "attribution", estimate, positions, heads, "Attribution patching"));
        if (measured != null) {
            images.putAll(PatchFiles.write(dir, "patch", measured, positions, heads));
        }
        AtomicText.write(dir.resolve("attribute.json"), json(estimate, cmp, attributionSeconds, patchingSeconds));
        return images;
    }

    static String json(PatchResult r, AttributionComparison cmp, double attributionSeconds, double patchingSeconds) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value("vivarium-circuits-attribute/1");
        w.name("metric").value(r.metric());
        w.name("direction").value(r.direction().id());
        w.name("clean").value(r.clean());
        w.name("corrupted").value(r.corrupted());
        w.name("attribution_seconds").value(attributionSeconds);
        if (cmp != null) {
            w.name("patching_seconds").value(patchingSeconds);
            w.name("correlation").beginObject();
            fit(w, "all", cmp.all());
            cmp.bySite().forEach((site, f) -> fit(w, site, f));
            w.endObject();
        }
        return w.endObject().toString();
    }

    private static void fit(JsonWriter w, String name, AttributionComparison.Fit f) {
        w.name(name).beginObject();
        w.name("sites").value(f.sites());
        w.name("pearson").value(f.pearson());
        w.name("spearman").value(f.spearman());
        w.endObject();
    }
}
