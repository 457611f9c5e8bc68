package org.vivarium.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Selects hook points, like TransformerLens' {@code names_filter}: a set of names, a glob
 * ({@code blocks.*.hook_resid_post}) or any predicate.
 */
@FunctionalInterface
public interface HookFilter extends Predicate<HookName> {

    /** Selects nothing. */
    HookFilter NONE = h -> false;

    /** Selects every hook point. */
    HookFilter ALL = h -> true;

    /**
     * Selects exactly these names.
     *
     * @param names hook paths
     * @return the filter
     */
    static HookFilter names(String... names) {
        Set<String> set = Set.of(names);
        return h -> set.contains(h.path());
    }

    /**
     * Selects names matching a glob where {@code *} matches any run of characters.
     *
     * @param glob e.g. {@code blocks.*.attn.hook_pattern}
     * @return the filter
     */
    static HookFilter glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (re.length() > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(part));
        }
        Pattern p = Pattern.compile(re.toString());
        return h -> p.matcher(h.path()).matches();
    }

    /**
     * Parses a comma-separated list of names or globs and validates each against the model;
     * an entry that matches nothing fails with the list of valid names.
     *
     * @param spec e.g. {@code blocks.0.hook_resid_post,blocks.*.attn.hook_pattern}
     * @param cfg the model
     * @return the filter
     */
    static HookFilter parse(String spec, ModelConfig cfg) {
        List<HookFilter> parts = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String s = raw.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (s.contains("*")) {
                HookFilter g = glob(s);
                if (HookName.allFor(cfg).stream().noneMatch(g)) {
                    throw new org.vivarium.api.VivariumException("hook pattern \"" + s + "\" matches no hook point",
                            "valid names are " + HookName.summarize(cfg));
                }
                parts.add(g);
            } else {
                String exact = HookName.parse(s, cfg).path();
                parts.add(h -> h.path().equals(exact));
            }
        }
        return h -> parts.stream().anyMatch(f -> f.test(h));
    }
}
