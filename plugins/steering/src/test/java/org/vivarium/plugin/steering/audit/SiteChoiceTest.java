package org.vivarium.plugin.steering.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vivarium.plugin.steering.audit.Outcomes.dir;
import static org.vivarium.plugin.steering.audit.Outcomes.sample;
import static org.vivarium.plugin.steering.audit.Outcomes.site;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation selection rule on hand-made sweeps. */
class SiteChoiceTest {
    @Test
    void theHighestFluentValidationRateWinsAcrossSites() {
        ValidationSweep v = Outcomes.validation();
        assertEquals(1, v.chosenSite(), "site 1 reaches 0.7 fluently, site 0 only 0.5");
        assertEquals(1, v.chosen().layer());
        assertEquals(2.0, v.point().coefficient(), "c=4 reaches 0.95 but its loss rises by 1.4 > 1");
        assertEquals(0.6, v.rise(v.point()), 1e-12);
        assertEquals(0.6, v.lossRise(v.point()), 1e-12);
    }

    @Test
    void tiesGoToTheEarlierSiteAndTheSmallerCoefficient() {
        ValidationSweep v = SiteChoice.choose(sample(0), sample(1), List.of(
                site(dir(0, 1, 0), new double[] {0.4, 0.6, 0.6}, new double[] {0, 0, 0}),
                site(dir(1, 0, 1), new double[] {0.6, 0.6, 0.6}, new double[] {0, 0, 0})));
        assertEquals(0, v.chosenSite());
        assertEquals(2.0, v.point().coefficient());
    }

    @Test
    void withNoFluentPointTheLeastDisfluentIsChosen() {
        ValidationSweep v = SiteChoice.choose(sample(0), sample(1), List.of(
                site(dir(0, 1, 0), new double[] {0.9, 1.0, 1.0}, new double[] {1.5, 2, 3}),
                site(dir(1, 0, 1), new double[] {0.2, 0.9, 1.0}, new double[] {1.2, 2, 3})));
        assertEquals(1, v.chosenSite());
        assertEquals(1.0, v.point().coefficient());
    }

    @Test
    void withoutTwinsFluencyIsTheLossAgainstTheUnsteeredCleanText() {
        var noTwin = new org.vivarium.plugin.steering.generate.SweepPoint(1.0, Outcomes.sample(0.8, 3.0));
        ValidationSweep v = SiteChoice.choose(sample(0.1, 1.0), sample(0.9, 9.0),
                List.of(new SiteSweep(dir(0, 1, 0), List.of(noTwin))));
        assertEquals(2.0, v.lossRise(noTwin), 1e-12, "3.0 - 1.0, the triggered loss is not used");
        assertThrows(IllegalArgumentException.class, () -> SiteChoice.choose(sample(0), sample(1), List.of()));
    }
}
