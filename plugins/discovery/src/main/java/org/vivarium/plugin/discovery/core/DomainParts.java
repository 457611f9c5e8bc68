package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.Split;

/**
 * A target's named prompt sets (e.g. one per domain) cut into validation and test prompts ({@link Split#of}),
 * at most {@code perPart} each, so a domain is chosen on validation and reported on test.
 *
 * @param validation set name to validation prompts
 * @param test set name to test prompts
 */
public record DomainParts(Map<String, List<String>> validation, Map<String, List<String>> test) {

    /**
     * Cuts the sets.
     *
     * @param sets set name to prompts
     * @param perPart most prompts per set and part
     * @return the parts, in the sets' order
     */
    public static DomainParts of(Map<String, List<String>> sets, int perPart) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        Map<String, List<String>> t = new LinkedHashMap<>();
        sets.forEach((name, prompts) -> {
            Split s = Split.of(prompts.size());
            v.put(name, limit(s.validation(prompts), perPart));
            t.put(name, limit(s.test(prompts), perPart));
        });
        return new DomainParts(v, t);
    }

    /**
     * All prompts of one part except one set's.
     *
     * @param part validation or test
     * @param except the set left out
     * @return the other sets' prompts
     */
    public static List<String> others(Map<String, List<String>> part, String except) {
        List<String> out = new ArrayList<>();
        part.forEach((name, prompts) -> {
            if (!name.equals(except)) {
                out.addAll(prompts);
            }
        });
        return out;
    }

    private static List<String> limit(List<String> l, int n) {
        return List.copyOf(l.subList(0, Math.min(n, l.size())));
    }
}
