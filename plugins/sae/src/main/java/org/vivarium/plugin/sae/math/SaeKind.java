package org.vivarium.plugin.sae.math;

import java.util.Locale;
import org.vivarium.api.VivariumException;

/** The sparsity mechanism of a sparse autoencoder. */
public enum SaeKind {
    /** {@code f = ReLU(W_enc (x - b_dec) + b_enc)} with an L1 penalty on {@code f} (Anthropic, 2023). */
    RELU,
    /** Keep the k largest pre-activations, then ReLU; no sparsity penalty (Gao et al., 2024). */
    TOPK;

    /**
     * Parses {@code relu} or {@code topk}.
     *
     * @param text the name as typed
     * @return the kind
     * @throws VivariumException for anything else
     */
    public static SaeKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "relu": case "l1": case "relu-l1":
                return RELU;
            case "topk": case "top-k":
                return TOPK;
            default:
                throw new VivariumException("unknown SAE kind \"" + text + "\"", "use --kind relu or --kind topk");
        }
    }

    /** @return the lower-case name used on the command line and in sae.json */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
