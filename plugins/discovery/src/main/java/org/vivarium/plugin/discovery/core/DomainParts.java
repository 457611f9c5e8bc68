package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target's named prompt sets (e.g. one per domain) cut into validation and test prompts, at most
 * {@code perPart} each, so a domain is chosen on validation and reported on test. Each set is cut into two
 * contiguous halves (first half validation, second half test): an organism lists a domain's prompts question by
 * question, so the halves ask different questions. (Before, a fit/validation/test split left half of every set
 * unused and 4 of em's 16 prompts per domain in each part, too few to rank 8 domains.)
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
            int half = prompts.size() / 2;
            v.put(name, limit(prompts.subList(0, half), perPart));
            t.put(name, limit(prompts.subList(half, prompts.size()), perPart));
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

    /**
     * The prompts per set in a part, as a range for evidence lines.
     *
     * @param part validation or test
     * @return e.g. {@code "8"} or {@code "6-8"}
     */
    public static String sizes(Map<String, List<String>> part) {
        int lo = part.values().stream().mapToInt(List::size).min().orElse(0);
        int hi = part.values().stream().mapToInt(List::size).max().orElse(0);
        return lo == hi ? Integer.toString(hi) : lo + "-" + hi;
    }

    private static List<String> limit(List<String> l, int n) {
        return List.copyOf(l.subList(0, Math.min(n, l.size())));
    }
}
