package org.vivarium.plugin.emfinetune.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vivarium.api.organism.Planted;
import org.vivarium.api.organism.TruthCard;

/**
 * Reads the audit target's prompt sets as domains and finds the fine-tune domain: the set whose name ends
 * with {@value #MARK}, or, if none is marked, the set whose name is a planted location on the truth card.
 */
public final class DomainSets {
    /** The suffix an organism puts on the fine-tune domain's set name. */
    public static final String MARK = " (fine-tune domain)";

    private DomainSets() {
    }

    /**
     * Lists the domains in the target's order; sets without prompts are left out.
     *
     * @param sets set name to prompts
     * @param card the truth card
     * @param maxPrompts use at most this many prompts per set (the first ones); 0 for all
     * @return the domains
     */
    public static List<DomainSet> of(Map<String, List<String>> sets, TruthCard card, int maxPrompts) {
        boolean marked = sets.keySet().stream().anyMatch(n -> n.endsWith(MARK));
        Set<String> planted = card.planted().stream().map(Planted::location).collect(Collectors.toSet());
        List<DomainSet> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            String name = e.getKey();
            boolean fineTune = marked ? name.endsWith(MARK) : planted.contains(name);
            String domain = name.endsWith(MARK) ? name.substring(0, name.length() - MARK.length()) : name;
            List<String> prompts = maxPrompts > 0 && e.getValue().size() > maxPrompts
                    ? e.getValue().subList(0, maxPrompts) : e.getValue();
            out.add(new DomainSet(name, domain, fineTune, prompts));
        }
        return List.copyOf(out);
    }
}
