package org.vivarium.plugin.steering.audit;

import java.util.List;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * The selection step, measured on the validation part only: the unsteered baselines, every candidate site's
 * coefficient sweep, and the (site, coefficient) chosen by {@link SiteChoice}.
 *
 * @param clean unsteered continuations of the validation condition-absent prompts
 * @param triggered unsteered continuations of the validation condition-present prompts (their twins)
 * @param sites one sweep per candidate site, in forward order
 * @param chosenSite index into {@code sites} of the chosen site
 * @param chosenPoint index into that site's points of the chosen coefficient
 */
public record ValidationSweep(BehaviourSample clean, BehaviourSample triggered, List<SiteSweep> sites,
        int chosenSite, int chosenPoint) {
    /** Copies the list and checks the indices. */
    public ValidationSweep {
        sites = List.copyOf(sites);
        if (chosenSite < 0 || chosenSite >= sites.size()
                || chosenPoint < 0 || chosenPoint >= sites.get(chosenSite).points().size()) {
            throw new IllegalArgumentException("no sweep point at site " + chosenSite + ", point " + chosenPoint);
        }
    }

    /** @return the chosen site's direction */
    public LayerDirection chosen() {
        return sites.get(chosenSite).direction();
    }

    /** @return the chosen coefficient's validation measurement */
    public SweepPoint point() {
        return sites.get(chosenSite).points().get(chosenPoint);
    }

    /**
     * @param p a validation sweep point
     * @return its rate minus the unsteered validation rate
     */
    public double rise(SweepPoint p) {
        return p.sample().rate() - clean.rate();
    }

    /**
     * @param p a validation sweep point
     * @return its fluency loss rise ({@link Fluency#steerRise})
     */
    public double lossRise(SweepPoint p) {
        return Fluency.steerRise(p, clean, triggered);
    }
}
