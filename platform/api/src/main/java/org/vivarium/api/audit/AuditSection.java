package org.vivarium.api.audit;

import java.util.List;
import java.util.Map;

/**
 * One auditor's part of the report.
 *
 * @param method method name
 * @param title section heading
 * @param claims the claims the auditor tested, supported or not, each with its evidence
 * @param metrics measured numbers by name (go into report.json)
 * @param images plot files relative to the auditor's out dir, with captions (file to caption)
 * @param markdown extra Markdown body (tables, notes), may be empty
 */
public record AuditSection(String method, String title, List<Claim> claims, Map<String, Double> metrics,
        Map<String, String> images, String markdown) {
    /** Copies the collections. */
    public AuditSection {
        claims = List.copyOf(claims);
        metrics = Map.copyOf(metrics);
        images = images == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(images));
        markdown = markdown == null ? "" : markdown;
    }
}
