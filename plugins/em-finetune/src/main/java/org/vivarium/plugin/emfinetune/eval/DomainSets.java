package org.vivarium.plugin.emfinetune.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit target's prompt sets as domains, in the target's order. Set names are taken as plain domain
 * names: no name is special, and the fine-tune domain is left for the auditor to discover by measurement.
 */
public final class DomainSets {
    private DomainSets() {
    }

    /**
     * Lists the domains in the target's order; sets without prompts are left out.
     *
     * @param sets set name to prompts
     * @param maxPrompts use at most this many prompts per set (the first ones); 0 for all
     * @return the domains
     */
    public static List<DomainSet> of(Map<String, List<String>> sets, int maxPrompts) {
        List<DomainSet> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            List<String> prompts = maxPrompts > 0 && e.getValue().size() > maxPrompts
                    ? e.getValue().subList(0, maxPrompts) : e.getValue();
            out.add(new DomainSet(e.getKey(), prompts));
        }
        return List.copyOf(out);
    }
}
