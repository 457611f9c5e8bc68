package org.vivarium.plugin.lorainterp.analysis;

import java.util.List;
import java.util.Optional;
import org.vivarium.plugin.lorainterp.math.Spectrum;
import org.vivarium.plugin.lorainterp.site.TargetSite;
import org.vivarium.plugin.lorainterp.unembed.UnembedProjection;

/**
 * Everything measured about one adapted weight. The <em>output direction</em> is the top right singular vector
 * of {@code delta W} (for rank 1, {@code b / |b|}), the <em>input direction</em> the top left one (for rank 1,
 * {@code a / |a|}), both with the sign of {@link #orientation()}. Numbers that could not be measured (no model,
 * no contrastive prompts, no reference) are NaN; arrays are then empty.
 *
 * @param target the weight name
 * @param site where it sits in the model (empty without a model)
 * @param scale {@code alpha / r}
 * @param rank {@code r}
 * @param spectrum singular values and vectors of {@code delta W} (vectors as computed, not oriented)
 * @param orientation the sign of the top (input, output) pair and why
 * @param outputDirection the oriented unit output direction
 * @param inputDirection the oriented unit input direction
 * @param cosMeanDifference cosine of the output direction with the mean difference at the output site
 * @param randomQuantile the chosen quantile of {@code |cos|} with random directions of the output width
 * @param cosineBySite cosine with the mean difference at every residual site (index 0 = embeddings,
 *     {@code L + 1} = after block {@code L}); empty unless the weight writes the residual stream
 * @param cosReference cosine of the output direction with the reference direction
 * @param unembed the output direction through the unembedding (residual writers with a model only)
 * @param columns per-component activation statistics
 * @param outputMagnitude the typical length of the top component's output on the corpus: {@code sigma_1} times
 *     the mean over every token of every prompt of {@code |x . u_1|} ({@code x} the weight's input in the audited
 *     model, {@code u_1} the top left singular vector); for rank 1 this is the mean length of what the adapter
 *     adds at a position. NaN without a model or corpus
 */
public record TargetAnalysis(String target, Optional<TargetSite> site, double scale, int rank, Spectrum spectrum,
        Orientation orientation, double[] outputDirection, double[] inputDirection, double cosMeanDifference,
        double randomQuantile, double[] cosineBySite, double cosReference, Optional<UnembedProjection> unembed,
        List<ColumnStats> columns, double outputMagnitude) {

    /** Copies the list. */
    public TargetAnalysis {
        columns = List.copyOf(columns);
    }

    /**
     * Returns whether the alignment claim holds: the output direction's {@code |cos|} with the mean difference
     * is at least {@code minCosine} and above the random quantile.
     *
     * @param minCosine the threshold, e.g. 0.3
     * @return false when there was no mean difference
     */
    public boolean aligned(double minCosine) {
        double c = Math.abs(cosMeanDifference);
        return Double.isFinite(c) && c >= minCosine && c > randomQuantile;
    }

    /** @return the layer, or -1 without a model */
    public int layer() {
        return site.map(TargetSite::layer).orElse(-1);
    }
}
