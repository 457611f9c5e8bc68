package org.vivarium.plugin.probes.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.math.ProbeKind;

/**
 * Every setting that affects a probe fit; recorded in {@code probes.json} for provenance.
 *
 * @param hookSpec the {@code --hook} names or globs
 * @param position which positions become examples
 * @param l2 L2 penalty of the logistic probe
 * @param kinds probe kinds to fit
 * @param testFraction share of each class held out
 * @param seed split seed
 */
public record FitSettings(String hookSpec, PositionMode position, double l2, List<ProbeKind> kinds,
        double testFraction, long seed) {

    /** The default {@code --hook}. */
    public static final String DEFAULT_HOOKS = "blocks.*.hook_resid_post";

    /** Copies the kind list. */
    public FitSettings {
        kinds = List.copyOf(kinds);
    }

    /**
     * Returns the settings as strings, for provenance.
     *
     * @return setting name to value, in a fixed order
     */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hook", hookSpec);
        m.put("position", position.id());
        m.put("l2", Double.toString(l2));
        m.put("kind", kinds.stream().map(ProbeKind::id).collect(Collectors.joining(",")));
        m.put("test_fraction", Double.toString(testFraction));
        m.put("seed", Long.toString(seed));
        return m;
    }
}
