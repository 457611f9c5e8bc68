package org.vivarium.plugin.circuits.patch;

import java.util.Locale;
import org.vivarium.api.VivariumException;

/** Which way activations are patched. */
public enum PatchDirection {
    /** Run the corrupted input and patch in the clean activation: how much of the clean behaviour does this site restore (is it sufficient)? */
    DENOISING,
    /** Run the clean input and patch in the corrupted activation: how much does this site break (is it necessary)? */
    NOISING;

    /** @return the lower-case name, e.g. {@code denoising} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code denoising}/{@code denoise} or {@code noising}/{@code noise}.
     *
     * @param text as typed
     * @return the direction
     * @throws VivariumException naming the valid values
     */
    public static PatchDirection parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "denoising", "denoise" -> DENOISING;
            case "noising", "noise" -> NOISING;
            default -> throw new VivariumException("unknown patching direction \"" + text + "\"",
                    "use --mode denoise (clean into corrupted) or --mode noise (corrupted into clean)");
        };
    }
}
