package org.vivarium.plugin.sae.dash;

import java.util.List;

/**
 * Everything one latent's dashboard shows.
 *
 * @param latent the latent index
 * @param feature the feature id in the context index, e.g. {@code sae/L1/812}
 * @param count tokens it fired on
 * @param frequency fraction of all scanned tokens it fired on
 * @param max its largest activation
 * @param mean its mean activation when firing
 * @param histogram counts of its non-zero activations in equal bins over {@code (0, max]}
 * @param contexts its top contexts, strongest first
 * @param promoted tokens whose logits its decoder direction raises most
 * @param suppressed tokens whose logits it lowers most
 */
record LatentCard(int latent, String feature, long count, double frequency, float max, double mean, long[] histogram,
        List<ContextView> contexts, List<LogitLens.TokenLogit> promoted, List<LogitLens.TokenLogit> suppressed) {
}
