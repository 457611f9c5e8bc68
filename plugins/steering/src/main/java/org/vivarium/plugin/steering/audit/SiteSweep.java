package org.vivarium.plugin.steering.audit;

import java.util.List;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * The coefficient sweep at one candidate site, on validation prompts.
 *
 * @param direction the site's position-mean direction (fitted on the fit part)
 * @param points one per positive coefficient, in increasing order (the unsteered baseline is shared, see
 *     {@link ValidationSweep#clean()})
 */
public record SiteSweep(LayerDirection direction, List<SweepPoint> points) {
    /** Copies the list. */
    public SiteSweep {
        points = List.copyOf(points);
    }
}
