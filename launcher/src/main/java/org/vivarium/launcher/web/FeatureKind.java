package org.vivarium.launcher.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a feature id names, read from its source: an SAE latent ({@code sae/L1/812}), an MLP neuron
 * ({@code neuron/L0/17}), a probe ({@code probe/misaligned@L2}) or anything else the index holds ({@code unit/...},
 * {@code lora/...}). Each kind has its own direction into the residual stream and so its own output tokens.
 */
enum FeatureKind {
    /** A sparse-autoencoder latent; its direction is its decoder row {@code W_dec[latent]}. */
    SAE_LATENT("SAE latent", "the latent's decoder row W_dec[latent] · W_U"),
    /** An MLP neuron; its direction is its output weights {@code W_out[neuron]}. */
    NEURON("MLP neuron", "the neuron's output weights W_out[neuron] · W_U"),
    /** A linear probe; its direction is the probe's weight vector. */
    PROBE("probe", "the probe direction · W_U"),
    /** A feature without a known direction. */
    OTHER("feature", "");

    private static final Pattern LAYERED = Pattern.compile("(sae|neuron)/L(\\d{1,4})/(\\d{1,9})");
    private final String label;
    private final String basis;

    FeatureKind(String label, String basis) {
        this.label = label;
        this.basis = basis;
    }

    /**
     * @param feature a feature id
     * @return its kind; {@link #OTHER} for sources without a known direction or malformed sae/neuron ids
     */
    static FeatureKind of(String feature) {
        Matcher m = LAYERED.matcher(feature);
        if (m.matches()) {
            return m.group(1).equals("sae") ? SAE_LATENT : NEURON;
        }
        return feature.startsWith("probe/") ? PROBE : OTHER;
    }

    /**
     * @param feature an {@link #SAE_LATENT} or {@link #NEURON} id
     * @return {layer, index}, e.g. {1, 812} for {@code sae/L1/812}
     */
    static int[] layerAndIndex(String feature) {
        Matcher m = LAYERED.matcher(feature);
        if (!m.matches()) {
            throw new IllegalArgumentException(feature);
        }
        return new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    /** @return the kind as the page names it, e.g. {@code SAE latent} */
    String label() {
        return label;
    }

    /** @return how the output tokens are computed, e.g. {@code the probe direction · W_U}; empty for OTHER */
    String basis() {
        return basis;
    }
}
