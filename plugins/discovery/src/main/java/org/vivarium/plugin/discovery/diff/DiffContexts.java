package org.vivarium.plugin.discovery.diff;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.ContextScope;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.index.SortOrder;
import org.vivarium.api.model.HookName;

/**
 * Puts the most changed contexts into the host's context index (feature {@code diff/ORGANISM/L<layer>}, the
 * answer-start position marked) and reads the top ones back from it by activation, so the candidates come from the
 * same full-text search a person would run ({@code viv search 'feature:diff/backdoor/*'}). Without an index the
 * in-memory ranking is used and the line says so.
 */
final class DiffContexts {
    /**
     * What the index returned.
     *
     * @param texts the top contexts
     * @param values their difference scores
     * @param line one line on where they came from
     */
    record Published(List<String> texts, double[] values, String line) {
    }

    private DiffContexts() {
    }

    static Published publish(Optional<ContextIndex> index, String feature, List<String> texts, double[] values,
            AuditTarget target, HookName hook, PrintStream out) {
        if (index.isEmpty() || texts.isEmpty()) {
            String line = "(ranked in memory: no context index in this host)";
            out.println("model-diff: " + line);
            return new Published(texts, values, line);
        }
        List<ContextRecord> records = new ArrayList<>();
        int layer = hook.layer();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            records.add(new ContextRecord(feature, t, Math.max(0, t.length() - 1), t.length(), (float) values[i],
                    target.organism(), target.checkpoint().toString(), hook.path(), layer));
        }
        try {
            ContextIndex ix = index.get();
            ix.replace(ContextScope.sameFeatures(records), records);
            ix.commit();
            List<ContextHit> hits = ix.search("feature:" + feature, SearchOptions.defaults().withTop(texts.size())
                    .withSort(SortOrder.ACTIVATION)).hits();
            List<String> back = new ArrayList<>();
            double[] v = new double[hits.size()];
            for (ContextHit h : hits) {
                v[back.size()] = h.record().activation();
                back.add(h.record().text());
            }
            String line = "added to the context index and read back by activation (search feature:" + feature + ")";
            out.println("model-diff: " + line);
            return new Published(back, v, line);
        } catch (VivariumException e) {
            String line = "(ranked in memory: the context index refused them: " + e.getMessage() + ")";
            out.println("model-diff: " + line);
            return new Published(texts, values, line);
        }
    }
}
