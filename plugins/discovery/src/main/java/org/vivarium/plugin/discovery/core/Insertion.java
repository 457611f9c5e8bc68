package org.vivarium.plugin.discovery.core;

import java.util.List;
import org.vivarium.api.audit.AuditTarget;

/** Whether a target's prompts take an inserted text. */
public final class Insertion {
    private Insertion() {
    }

    /**
     * Tries one insertion.
     *
     * @param target the target
     * @return true if {@link AuditTarget#insert} works on its first corpus prompt
     */
    public static boolean supported(AuditTarget target) {
        List<String> corpus = target.corpus();
        if (corpus.isEmpty()) {
            return false;
        }
        try {
            target.insert(corpus.get(0), "x", 0);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * One Markdown line per claim: its statement and evidence.
     *
     * @param claims the claims
     * @return the lines
     */
    public static String markdown(List<org.vivarium.api.audit.Claim> claims) {
        StringBuilder md = new StringBuilder();
        for (org.vivarium.api.audit.Claim c : claims) {
            md.append("- **").append(c.statement()).append("** (").append(c.supported() ? "supported" : "not supported")
                    .append("): ").append(c.evidence()).append('\n');
        }
        return md.toString();
    }
}
