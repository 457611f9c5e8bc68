package org.vivarium.launcher.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a feature page shows beside its contexts: the feature's kind, the fields that kind has (an SAE latent's
 * architecture and decoder norm, a neuron's layer and weight norms, a probe's accuracy and bias), and the tokens its
 * direction promotes and suppresses, or why they could not be computed.
 *
 * @param kind the feature's kind
 * @param fields label to value, in display order
 * @param tokens the output tokens, or null when they could not be computed
 * @param note where the output tokens come from, or why there are none
 */
record FeatureOutput(FeatureKind kind, Map<String, String> fields, OutputTokens tokens, String note) {
    /** @return the JSON-ready form */
    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        o.put("kindLabel", kind.label());
        o.put("fields", fields);
        o.put("outputBasis", tokens == null ? null : kind.basis());
        o.put("promoted", tokens == null ? null : tokens.json().get("promoted"));
        o.put("suppressed", tokens == null ? null : tokens.json().get("suppressed"));
        o.put("outputNote", note);
        return o;
    }
}
