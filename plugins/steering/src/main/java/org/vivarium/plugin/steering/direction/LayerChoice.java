package org.vivarium.plugin.steering.direction;

import java.util.List;

/** Picks the site to steer at: the planted one if known, else the best-separating one. */
public final class LayerChoice {
    private LayerChoice() {
    }

    /**
     * Chooses a direction.
     *
     * @param directions one per residual site, non-empty
     * @param plantedLayer the residual-stream layer the truth card names, or a negative number if none
     * @return the direction at {@code plantedLayer} if given, else the one with the best held-out separation
     *     (highest AUROC, then largest |Cohen's d|; the earliest site on ties)
     * @throws IllegalArgumentException if {@code plantedLayer} has no direction
     */
    public static LayerDirection choose(List<LayerDirection> directions, int plantedLayer) {
        if (plantedLayer >= 0) {
            return directions.stream().filter(d -> d.layer() == plantedLayer).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no direction at planted layer " + plantedLayer));
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
