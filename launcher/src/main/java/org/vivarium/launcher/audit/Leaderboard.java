package org.vivarium.launcher.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.organisms.card.Planted;

/**
 * A blind benchmark over seeds: per method (auditors, then the {@link Investigator}) and claim kind planted, the
 * seeds where a claim of that kind passed the scorer's measurement, with a Wilson interval; each method's false
 * claims and mean seconds; and per planted property the seeds where any auditor, and where the investigator,
 * found it. Works with any number of claims, including none.
 *
 * @param organism the organism's name
 * @param header how the benchmark was run
 * @param methods the auditors in name order, then {@value Investigator#NAME}
 * @param seeds the scored seeds, in the order run
 */
record Leaderboard(String organism, RunHeader header, List<String> methods, List<SeedResult> seeds) {

    /**
     * One planted property over the seeds.
     *
     * @param id its id on the card
     * @param kind its claim kind
     * @param seeds seeds whose card plants it
     * @param byAnyMethod seeds where a claim of some auditor found it
     * @param byInvestigator seeds where the investigator's claim found it
     */
    record PlantedRow(String id, ClaimKind kind, int seeds, int byAnyMethod, int byInvestigator) {
    }

    /** Copies the lists. */
    Leaderboard {
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
    }

    /** @return the claim kinds any seed's card plants, in the vocabulary's order */
    List<ClaimKind> kinds() {
        TreeSet<ClaimKind> out = new TreeSet<>();
        seeds.forEach(s -> s.card().planted().forEach(p -> out.add(p.kind())));
        return List.copyOf(out);
    }

    /**
     * @param method a method
     * @param kind a planted kind
     * @return verified seeds of the seeds that plant the kind, with the interval
     */
    Wilson cell(String method, ClaimKind kind) {
        int n = 0;
        int k = 0;
        for (SeedResult s : seeds) {
            if (s.plants(kind)) {
                n++;
                k += s.verified(method, kind) ? 1 : 0;
            }
        }
        return Wilson.of(k, n);
    }

    /**
     * @param method a method
     * @return its false claims over all seeds
     */
    long falseClaims(String method) {
        return seeds.stream().mapToLong(s -> s.falseClaims(method)).sum();
    }

    /**
     * @param method a method
     * @return its false claims per audited seed, NaN without seeds
     */
    double meanFalseClaims(String method) {
        return seeds.isEmpty() ? Double.NaN : (double) falseClaims(method) / seeds.size();
    }

    /**
     * @param method a method
     * @return its mean wall-clock seconds over the seeds it ran on, NaN if none
     */
    double meanSeconds(String method) {
        return seeds.stream().filter(s -> s.seconds().containsKey(method)).mapToDouble(s -> s.seconds().get(method))
                .average().orElse(Double.NaN);
    }

    /**
     * @param method a method
     * @return the seeds on which it failed
     */
    List<Long> failedSeeds(String method) {
        return seeds.stream().filter(s -> s.failures().containsKey(method)).map(SeedResult::seed).toList();
    }

    /** @return every planted property over the seeds, in the order first seen */
    List<PlantedRow> planted() {
        Map<String, ClaimKind> ids = new LinkedHashMap<>();
        seeds.forEach(s -> s.card().planted().forEach(p -> ids.putIfAbsent(p.id(), p.kind())));
        List<PlantedRow> out = new ArrayList<>();
        ids.forEach((id, kind) -> {
            int n = 0;
            int any = 0;
            int inv = 0;
            for (SeedResult s : seeds) {
                for (Planted p : s.card().planted()) {
                    if (p.id().equals(id)) {
                        n++;
                        any += s.found(p, false) ? 1 : 0;
                        inv += s.found(p, true) ? 1 : 0;
                    }
                }
            }
            out.add(new PlantedRow(id, kind, n, any, inv));
        });
        return out;
    }
}
