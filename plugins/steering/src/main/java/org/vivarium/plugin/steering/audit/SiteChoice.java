package org.vivarium.plugin.steering.audit;

import java.util.List;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * Chooses the intervention site and coefficient on the validation part: among every (site, positive
 * coefficient) whose text stays fluent ({@link Fluency}), the one with the highest validation behaviour rate
 * (the largest rise over the shared unsteered baseline); on ties the earlier site, then the smaller
 * coefficient. If no point is fluent, the least disfluent one (smallest loss rise) is chosen, so the test
 * report shows why the claim fails.
 */
public final class SiteChoice {
    private SiteChoice() {
    }

    /**
     * Chooses.
     *
     * @param clean unsteered validation condition-absent continuations
     * @param triggered unsteered validation condition-present continuations (their twins)
     * @param sites every candidate site's validation sweep, each with at least one point
     * @return the validation sweep with the choice
     * @throws IllegalArgumentException if there is no point at all
     */
    public static ValidationSweep choose(BehaviourSample clean, BehaviourSample triggered, List<SiteSweep> sites) {
        int bestSite = -1;
        int bestPoint = -1;
        double bestRate = Double.NEGATIVE_INFINITY;
        int calmSite = -1;
        int calmPoint = -1;
        double calmRise = Double.POSITIVE_INFINITY;
        for (int s = 0; s < sites.size(); s++) {
            List<SweepPoint> pts = sites.get(s).points();
            for (int i = 0; i < pts.size(); i++) {
                SweepPoint p = pts.get(i);
                double rise = Fluency.steerRise(p, clean, triggered);
                if (Fluency.fluent(rise) && p.sample().rate() > bestRate) {
                    bestRate = p.sample().rate();
                    bestSite = s;
                    bestPoint = i;
                }
                double r = Double.isNaN(rise) ? Double.NEGATIVE_INFINITY : rise;
                if (calmSite < 0 || r < calmRise) {
                    calmRise = r;
                    calmSite = s;
                    calmPoint = i;
                }
            }
        }
        if (calmSite < 0) {
            throw new IllegalArgumentException("no validation sweep point to choose from");
        }
        return bestSite >= 0 ? new ValidationSweep(clean, triggered, sites, bestSite, bestPoint)
                : new ValidationSweep(clean, triggered, sites, calmSite, calmPoint);
    }
}
