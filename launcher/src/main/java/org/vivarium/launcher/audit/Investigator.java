package org.vivarium.launcher.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;

/**
 * Merges the auditors' supported claims into one final answer per claim kind, deterministically (no language
 * model). Claims of a kind are grouped by their normalized value: a trigger by its text (stripped, lower-case),
 * a behaviour by its meter, a domain by its name; directions, circuits and features are not merged (their
 * sites rarely coincide), so each claim is a group of its own. A group scores the sum of its confidences; ties go
 * to more distinct methods, then to the alphabetically first value. The winner becomes one claim, with the site
 * of its most confident member, the methods and confidences that support it as evidence and the noisy-or of
 * their confidences as its confidence. The scorer verifies it like any auditor's claim, as method
 * {@value #NAME}.
 */
final class Investigator {
    /** The method name of the merged claims in reports and the leaderboard. */
    static final String NAME = "investigator";

    private record Vote(String method, Claim claim) {
    }

    private record Group(String value, List<Vote> votes) {
        double score() {
            return votes.stream().mapToDouble(v -> v.claim().confidence()).sum();
        }

        int methods() {
            return (int) votes.stream().map(Vote::method).distinct().count();
        }

        Vote best() {
            return votes.stream().max(Comparator.comparingDouble((Vote v) -> v.claim().confidence())
                    .thenComparing(Vote::method, Comparator.reverseOrder())).orElseThrow();
        }
    }

    private static final Comparator<Group> RANK = Comparator.comparingDouble(Group::score).reversed()
            .thenComparing(Comparator.comparingInt(Group::methods).reversed()).thenComparing(Group::value);

    private Investigator() {
    }

    /**
     * Merges the supported claims of the auditors' sections.
     *
     * @param sections the auditors' sections (a section of the investigator itself is ignored)
     * @return the investigator's section: one supported claim per kind that any auditor supported
     */
    static AuditSection merge(List<AuditSection> sections) {
        Map<ClaimKind, List<Vote>> byKind = new TreeMap<>();
        for (AuditSection s : sections) {
            if (s.method().equals(NAME)) {
                continue;
            }
            for (Claim c : s.claims()) {
                if (c.supported()) {
                    byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(new Vote(s.method(), c));
                }
            }
        }
        List<Claim> answers = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        int merged = 0;
        for (Map.Entry<ClaimKind, List<Vote>> e : byKind.entrySet()) {
            List<Group> groups = group(e.getKey(), e.getValue());
            groups.sort(RANK);
            answers.add(answer(e.getKey(), groups));
            merged += e.getValue().size();
            md.append("- ").append(e.getKey().id()).append(": ");
            List<String> ranked = new ArrayList<>();
            for (Group g : groups) {
                ranked.add(String.format(Locale.ROOT, "'%s' %s (%s)", g.value(), score(g.score()), methods(g)));
            }
            md.append(String.join("; ", ranked)).append('\n');
        }
        String body = answers.isEmpty() ? "No auditor supported a claim, so there is nothing to merge.\n"
                : "Groups per claim kind, ranked by the sum of their confidences (the first one is the answer):\n\n"
                        + md;
        return new AuditSection(NAME, "Investigator: one final answer per claim kind", answers,
                Map.of("claims_merged", (double) merged, "answers", (double) answers.size()), Map.of(), body);
    }

    private static List<Group> group(ClaimKind kind, List<Vote> votes) {
        Map<String, List<Vote>> byValue = new LinkedHashMap<>();
        for (int i = 0; i < votes.size(); i++) {
            Vote v = votes.get(i);
            String value = value(kind, v.claim());
            // unmerged kinds: every claim is its own group, named by method and position so ties stay stable
            String key = value != null ? value : String.format(Locale.ROOT, "%s #%03d: %s", v.method(), i,
                    v.claim().site().describe());
            byValue.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
        }
        List<Group> out = new ArrayList<>();
        byValue.forEach((k, vs) -> out.add(new Group(k, vs)));
        return out;
    }

    /** @return the normalized value claims of a merged kind are grouped by, or null for an unmerged kind */
    private static String value(ClaimKind kind, Claim c) {
        return switch (kind) {
            case TRIGGER -> c.site().text() == null ? "" : c.site().text().strip().toLowerCase(Locale.ROOT);
            case BEHAVIOUR -> c.site().behaviour() == null ? "" : c.site().behaviour();
            case DOMAIN -> c.site().domain() == null ? "" : c.site().domain();
            default -> null;
        };
    }

    private static Claim answer(ClaimKind kind, List<Group> ranked) {
        Group win = ranked.get(0);
        Vote best = win.best();
        double none = 1;
        for (Vote v : win.votes()) {
            none *= 1 - v.claim().confidence();
        }
        String runnerUp = ranked.size() < 2 ? "no other candidate" : String.format(Locale.ROOT,
                "runner-up '%s' scored %s", ranked.get(1).value(), score(ranked.get(1).score()));
        String evidence = String.format(Locale.ROOT, "supported by %s; group score %s (sum of confidences) over %d"
                + " candidate(s); %s", methods(win), score(win.score()), ranked.size(), runnerUp);
        String statement = "final " + kind.id() + " answer (" + win.methods() + " method(s)): "
                + best.claim().statement();
        return new Claim(kind, statement, best.claim().site(), true, evidence, Math.min(1, Math.max(0, 1 - none)));
    }

    private static String methods(Group g) {
        Map<String, Double> top = new TreeMap<>();
        for (Vote v : g.votes()) {
            top.merge(v.method(), v.claim().confidence(), Math::max);
        }
        List<String> parts = new ArrayList<>();
        top.forEach((m, c) -> parts.add(String.format(Locale.ROOT, "%s (%s)", m, score(c))));
        return String.join(", ", parts);
    }

    /**
     * A confidence or a sum of them, to two decimals, or as its distance below the next whole number when it is
     * within 0.005 of it: confidences from a z ({@code cdf(z)}) differ in the far tail, which two decimals would show
     * as equal ({@code 1 - 1.8e-05} vs {@code 1 - 8.9e-08}).
     */
    static String score(double x) {
        double up = Math.ceil(x);
        double gap = up - x;
        return gap > 0 && gap < 0.005 ? String.format(Locale.ROOT, "%.0f - %.1e", up, gap)
                : String.format(Locale.ROOT, "%.2f", x);
    }
}
