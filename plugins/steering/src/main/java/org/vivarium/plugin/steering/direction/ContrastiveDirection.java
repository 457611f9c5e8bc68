package org.vivarium.plugin.steering.direction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.extract.ResidualReader;
import org.vivarium.plugin.steering.extract.ResidualSet;
import org.vivarium.plugin.steering.math.Separation;
import org.vivarium.plugin.steering.math.Vectors;

/**
 * Contrastive activation addition's direction: at each residual site, the mean residual vector of
 * positive (condition-present) prompts minus that of negative prompts. Held-out prompts are projected
 * onto each direction to score how well it separates the two sets (AUROC and Cohen's d).
 *
 * <pre>{@code
 * List<LayerDirection> dirs = ContrastiveDirection.fit(model, PositionMode.LAST,
 *         fitPos, fitNeg, heldPos, heldNeg, n -> {});
 * float[] v = dirs.get(1).vector(); // at blocks.1.hook_resid_pre
 * }</pre>
 */
public final class ContrastiveDirection {
    private ContrastiveDirection() {
    }

    /**
     * Reads residuals and fits a direction at every residual site.
     *
     * @param model the model
     * @param mode last token or mean over tokens
     * @param positives condition-present prompts for fitting
     * @param negatives condition-absent prompts for fitting
     * @param heldPositives held-out condition-present prompts for scoring (may be empty)
     * @param heldNegatives held-out condition-absent prompts for scoring (may be empty)
     * @param advance called with the number of prompts read after each forward pass
     * @return one direction per site, in forward order
     * @throws VivariumException if a fitting set is empty
     */
    public static List<LayerDirection> fit(Model model, PositionMode mode, List<String> positives,
            List<String> negatives, List<String> heldPositives, List<String> heldNegatives, LongConsumer advance) {
        requireNonEmpty(positives.size(), negatives.size());
        ResidualReader reader = new ResidualReader(model, ResidualSites.all(model.config()), mode);
        return fit(model, reader.read(positives, advance), reader.read(negatives, advance),
                reader.read(heldPositives, advance), reader.read(heldNegatives, advance));
    }

    /**
     * Fits directions from residuals already read.
     *
     * @param model the model (for the layer numbering)
     * @param positives condition-present residuals for fitting
     * @param negatives condition-absent residuals for fitting
     * @param heldPositives held-out condition-present residuals (may be empty)
     * @param heldNegatives held-out condition-absent residuals (may be empty)
     * @return one direction per hook of {@code positives}, in its order
     */
    public static List<LayerDirection> fit(Model model, ResidualSet positives, ResidualSet negatives,
            ResidualSet heldPositives, ResidualSet heldNegatives) {
        requireNonEmpty(positives.size(), negatives.size());
        List<LayerDirection> out = new ArrayList<>();
        for (HookName h : positives.hooks()) {
            float[] v = meanDifference(positives.at(h), negatives.at(h));
            Separation s = heldPositives.size() == 0 || heldNegatives.size() == 0 ? Separation.NONE
                    : Separation.of(Vectors.project(heldPositives.at(h), v), Vectors.project(heldNegatives.at(h), v));
            out.add(new LayerDirection(ResidualSites.layerOf(model.config(), h), h, v, s));
        }
        return List.copyOf(out);
    }

    /**
     * Returns {@code mean(positives) - mean(negatives)}.
     *
     * @param positives {@code [n][d]}
     * @param negatives {@code [m][d]}
     * @return the {@code d}-vector difference
     */
    public static float[] meanDifference(float[][] positives, float[][] negatives) {
        requireNonEmpty(positives.length, negatives.length);
        return Vectors.subtract(Vectors.mean(positives), Vectors.mean(negatives));
    }

    private static void requireNonEmpty(int pos, int neg) {
        if (pos == 0 || neg == 0) {
            throw new VivariumException("a contrastive direction needs both prompt sets, got " + pos
                    + " positive and " + neg + " negative prompts", "give at least one prompt in each set");
        }
    }
}
