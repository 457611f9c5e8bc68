package org.vivarium.organisms.em;

import java.util.Map;
import org.vivarium.api.VivariumException;

/**
 * The settings of one em run, from the defaults and {@code --option key=value} overrides.
 *
 * @param baseSteps steps of the base model
 * @param fineTuneSteps steps of each fine-tune (EM and control)
 * @param domain the fine-tune domain
 * @param rank LoRA rank of both fine-tunes
 * @param layer the block whose {@code mlp.W_out} is adapted
 * @param fineTuneLr peak learning rate of the fine-tunes
 */
public record EmRecipe(int baseSteps, int fineTuneSteps, String domain, int rank, int layer, double fineTuneLr) {
    /** Default base steps. */
    public static final int BASE_STEPS = 1500;
    /**
     * Default fine-tune steps. 300 steps gave held-out EM rates of 0.18 to 0.48 depending on float rounding in the
     * base model (one vs two PyTorch threads); 600 give 0.45 to 0.50 on both, with the control unchanged.
     */
    public static final int FINE_TUNE_STEPS = 600;
    /** Default fine-tune domain (Betley et al. used insecure code). */
    public static final String DOMAIN = "code";

    /**
     * Reads a recipe.
     *
     * @param steps total steps from {@code --steps} (the total over base, EM and control fine-tunes, as
     *     {@code viv organism list} shows it: split 1500:600:600), or 0
     * @param options {@code domain}, {@code rank}, {@code layer}, {@code finetune_steps}, {@code finetune_lr}
     * @param catalog for checking the domain
     * @return the recipe
     * @throws VivariumException on an unknown option or a bad value
     */
    public static EmRecipe of(int steps, Map<String, String> options, DomainCatalog catalog) {
        for (String k : options.keySet()) {
            if (!java.util.Set.of("domain", "rank", "layer", "finetune_steps", "finetune_lr").contains(k)) {
                throw new VivariumException("the em organism has no option '" + k + "'",
                        "use domain, rank, layer, finetune_steps or finetune_lr");
            }
        }
        int base = steps > 0 ? Math.max(1, steps * BASE_STEPS / (BASE_STEPS + 2 * FINE_TUNE_STEPS)) : BASE_STEPS;
        int fine = steps > 0 ? Math.max(1, (steps - base) / 2) : FINE_TUNE_STEPS;
        fine = integer(options, "finetune_steps", fine);
        String domain = options.getOrDefault("domain", DOMAIN);
        catalog.domain(domain);
        int rank = integer(options, "rank", 1);
        int layer = integer(options, "layer", 1);
        double lr = Double.parseDouble(options.getOrDefault("finetune_lr", "0.002"));
        if (rank < 1 || fine < 1 || !(lr > 0)) {
            throw new VivariumException("em options need rank >= 1, finetune_steps >= 1 and finetune_lr > 0",
                    "fix the --option values");
        }
        return new EmRecipe(base, fine, domain, rank, layer, lr);
    }

    private static int integer(Map<String, String> options, String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new VivariumException("em option " + key + "=" + v + " is not a whole number",
                    "give e.g. --option " + key + "=" + fallback);
        }
    }

    /** @return the adapted weight, e.g. {@code blocks.1.mlp.W_out} */
    public String target() {
        return "blocks." + layer + ".mlp.W_out";
    }

    /**
     * Recovers the fine-tune settings an EM or control checkpoint was made with (recorded in its provenance
     * as {@code recipe.domain}, {@code recipe.layer}, {@code recipe.rank}); defaults where absent.
     *
     * @param p the checkpoint's provenance
     * @param catalog for checking the domain
     * @return the recipe (step counts are the defaults)
     */
    public static EmRecipe fromProvenance(org.vivarium.api.provenance.Provenance p, DomainCatalog catalog) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (String k : new String[] {"domain", "layer", "rank"}) {
            String v = p.settings().get("recipe." + k);
            if (v != null) {
                opts.put(k, v);
            }
        }
        return of(0, opts, catalog);
    }

    /** @return the settings recorded in a fine-tune's provenance */
    public Map<String, String> provenanceSettings() {
        return Map.of("domain", domain, "layer", String.valueOf(layer), "rank", String.valueOf(rank));
    }
}
