package org.vivarium.launcher.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.ProvenanceJson;

/**
 * One run as the home page lists it: what it is (organism, seed, when), whether its organism check passed, and its
 * audit's truth-card score. A run whose files cannot be read is still listed, with the problem.
 *
 * @param id the run's id below the runs directory
 * @param organism the organism (from the checkpoint's recipe or the reports), or null when unknown
 * @param seed the training seed, or null when unknown
 * @param createdAt when the checkpoint was written (ISO-8601), or null
 * @param passed the organism check's verdict ({@code report.json}), or null when not checked
 * @param audit the audit's score, or null when there is no {@code audit/report.json}
 * @param sealed whether the truth card is still sealed in the run ({@code truth-card.sealed})
 * @param problem why a file of the run could not be read, or null
 */
record RunSummary(String id, String organism, Long seed, String createdAt, Boolean passed, AuditScore audit,
        boolean sealed, String problem) {

    /**
     * An audit's headline.
     *
     * @param found planted properties found by a verified claim
     * @param planted planted properties on the card
     * @param falseClaims supported claims the scorer refuted
     * @param blind whether it was a blind audit
     */
    record AuditScore(int found, int planted, long falseClaims, boolean blind) {
        /** @return e.g. {@code 2 of 3 found, 0 false claims} */
        String describe() {
            return found + " of " + planted + " found, " + falseClaims + " false claim" + (falseClaims == 1 ? "" : "s");
        }

        static AuditScore of(JsonObject report) {
            int found = 0;
            int planted = 0;
            for (Map.Entry<String, JsonElement> e : RunJson.object(report, "truth_card_score").entrySet()) {
                planted++;
                found += e.getValue().isJsonPrimitive() && e.getValue().getAsBoolean() ? 1 : 0;
            }
            String falseClaims = RunJson.text(report, "false_claims");
            return new AuditScore(found, planted, falseClaims == null ? 0 : (long) Double.parseDouble(falseClaims),
                    "true".equals(RunJson.text(report, "blind")));
        }
    }

    /**
     * Reads a run.
     *
     * @param id its id
     * @param dir its directory
     * @return the summary
     */
    static RunSummary read(String id, Path dir) {
        String organism = null;
        Long seed = null;
        String created = null;
        Boolean passed = null;
        AuditScore audit = null;
        String problem = null;
        try {
            Provenance p = provenance(dir);
            if (p != null) {
                organism = organism(p.recipe());
                seed = p.seed();
                created = p.createdAt();
            }
            JsonObject check = RunJson.read(dir.resolve("report.json"));
            if (check != null && check.has("passed")) {
                passed = check.get("passed").getAsBoolean();
                organism = organism != null ? organism : RunJson.text(check, "organism");
            }
            JsonObject a = RunJson.read(dir.resolve("audit").resolve("report.json"));
            if (a != null) {
                audit = AuditScore.of(a);
                organism = organism != null ? organism : RunJson.text(a, "organism");
            }
        } catch (VivariumException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            problem = e instanceof VivariumException v ? v.problem() : e.toString();
        }
        return new RunSummary(id, organism, seed, created, passed, audit,
                Files.exists(dir.resolve("truth-card.sealed")), problem);
    }

    /**
     * @param dir a run directory
     * @return its checkpoint's provenance, or null when it has none
     * @throws VivariumException if the provenance file is malformed
     */
    static Provenance provenance(Path dir) {
        Path file = dir.resolve("checkpoint").resolve("provenance.json");
        return Files.isRegularFile(file) ? ProvenanceJson.read(file) : null;
    }

    /**
     * @param recipe e.g. {@code organism/backdoor}
     * @return the organism, e.g. {@code backdoor}; the recipe itself when it names no organism
     */
    static String organism(String recipe) {
        return recipe != null && recipe.startsWith("organism/") ? recipe.substring("organism/".length()) : recipe;
    }

    /** @return {@code PASS}, {@code FAIL} or {@code not checked} */
    String checkLabel() {
        return passed == null ? "not checked" : passed ? "PASS" : "FAIL";
    }

    /** @return the audit's score and page paths (empty without an audit) */
    Map<String, Object> auditJson() {
        Map<String, Object> a = new LinkedHashMap<>();
        if (audit != null) {
            a.put("blind", audit.blind());
            a.put("found", audit.found());
            a.put("planted", audit.planted());
            a.put("falseClaims", audit.falseClaims());
            a.put("url", Html.href("/audit", id));
            a.put("api", Html.href("/api/audits", id));
        }
        return a;
    }

    /** @return the entry of {@code /api/runs} */
    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("organism", organism);
        o.put("seed", seed);
        o.put("createdAt", createdAt);
        o.put("check", passed == null ? "not checked" : passed ? "pass" : "fail");
        if (audit != null) {
            o.put("audit", auditJson());
        }
        o.put("sealed", sealed);
        o.put("problem", problem);
        o.put("url", Html.href("/run", id));
        o.put("api", Html.href("/api/runs", id));
        return o;
    }
}
