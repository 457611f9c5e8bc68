package org.vivarium.plugin.steering.direction;

import java.util.List;

/**
 * Picks the site {@code viv steering direction} saves: the one the user asked for, else the best-separating one.
 * (The audit chooses its site by steering on validation prompts instead, see
 * {@code org.vivarium.plugin.steering.audit.SiteChoice}.)
 */
public final class LayerChoice {
    private LayerChoice() {
    }

    /**
     * Chooses a direction.
     *
     * @param directions one per residual site, non-empty
     * @param layer the residual-stream layer asked for (e.g. {@code --layer}), or a negative number if none
     * @return the direction at {@code layer} if given, else the one with the best held-out separation
     *     (highest AUROC, then largest |Cohen's d|; the earliest site on ties)
     * @throws IllegalArgumentException if {@code layer} has no direction
     */
    public static LayerDirection choose(List<LayerDirection> directions, int layer) {
        if (layer >= 0) {
            return directions.stream().filter(d -> d.layer() == layer).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no direction at layer " + layer));
        }
        LayerDirection best = directions.get(0);
        for (LayerDirection d : directions) {
            if (d.separation().betterThan(best.separation())) {
                best = d;
            }
        }
        return best;
    }
}
