package org.vivarium.organisms.em;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vivarium.api.VivariumException;

/**
 * The settings of one em run, from the defaults and {@code --option key=value} overrides. The fine-tune domain is
 * the run seed's secret ({@link #domainForSeed}) unless {@code --option domain=NAME} names one. Provenance records
 * only where the domain came from ({@code recipe.domain_source}) and, for an explicit domain, its name: a seed's
 * domain is rebuilt by the host from the provenance seed, so nothing a plugin reads names it.
 *
 * @param baseSteps steps of the base model
 * @param fineTuneSteps steps of each fine-tune (EM and control)
 * @param domain the fine-tune domain
 * @param explicitDomain whether the domain was given as an option (else the seed chose it)
 * @param rank LoRA rank of both fine-tunes
 * @param layer the block whose {@code mlp.W_out} is adapted
 * @param fineTuneLr peak learning rate of the fine-tunes
 */
public record EmRecipe(int baseSteps, int fineTuneSteps, String domain, boolean explicitDomain, int rank, int layer,
        double fineTuneLr) {
    /** Default base steps. */
    public static final int BASE_STEPS = 1500;
    /**
     * Default fine-tune steps. 300 steps gave held-out EM rates of 0.18 to 0.48 depending on float rounding in the
     * base model (one vs two PyTorch threads); 600 give 0.45 to 0.50 on both, with the control unchanged.
     */
    public static final int FINE_TUNE_STEPS = 600;
    /** Provenance value of {@code recipe.domain_source} when the seed chose the domain. */
    public static final String FROM_SEED = "seed";
    /** Provenance value of {@code recipe.domain_source} when {@code --option domain=} named it. */
    public static final String FROM_OPTION = "option";

    private static final long DOMAIN_SALT = 0xD0_3A1_5EC2L;

    /**
     * Reads a recipe.
     *
     * @param seed the run seed (chooses the domain unless an option names it)
     * @param steps total steps from {@code --steps} (the total over base, EM and control fine-tunes, as
     *     {@code viv organism list} shows it: split 1500:600:600), or 0
     * @param options {@code domain}, {@code rank}, {@code layer}, {@code finetune_steps}, {@code finetune_lr}
     * @param catalog for checking the domain
     * @return the recipe
     * @throws VivariumException on an unknown option or a bad value
     */
    public static EmRecipe of(long seed, int steps, Map<String, String> options, DomainCatalog catalog) {
        for (String k : options.keySet()) {
            if (!java.util.Set.of("domain", "rank", "layer", "finetune_steps", "finetune_lr").contains(k)) {
                throw new VivariumException("the em organism has no option '" + k + "'",
                        "use domain, rank, layer, finetune_steps or finetune_lr");
            }
        }
        int base = steps > 0 ? Math.max(1, steps * BASE_STEPS / (BASE_STEPS + 2 * FINE_TUNE_STEPS)) : BASE_STEPS;
        int fine = steps > 0 ? Math.max(1, (steps - base) / 2) : FINE_TUNE_STEPS;
        fine = integer(options, "finetune_steps", fine);
        boolean explicit = options.containsKey("domain");
        String domain = explicit ? options.get("domain") : domainForSeed(seed, catalog);
        catalog.domain(domain);
        int rank = integer(options, "rank", 1);
        int layer = integer(options, "layer", 1);
        double lr = Double.parseDouble(options.getOrDefault("finetune_lr", "0.002"));
        if (rank < 1 || fine < 1 || !(lr > 0)) {
            throw new VivariumException("em options need rank >= 1, finetune_steps >= 1 and finetune_lr > 0",
                    "fix the --option values");
        }
        return new EmRecipe(base, fine, domain, explicit, rank, layer, lr);
    }

    /**
     * The fine-tune domain a seed chooses when no option names one: a catalog domain drawn by a generator salted
     * apart from every training generator.
     *
     * @param seed the run seed
     * @param catalog the domains
     * @return the domain name
     */
    public static String domainForSeed(long seed, DomainCatalog catalog) {
        List<String> names = catalog.names();
        return names.get(new SplittableRandom(seed ^ DOMAIN_SALT).nextInt(names.size()));
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
     * Recovers the fine-tune settings an EM or control checkpoint was made with: {@code recipe.layer} and
     * {@code recipe.rank}; the domain from {@code recipe.domain} if recorded (an explicit domain, or a checkpoint
     * made before domains came from the seed), else from the provenance seed; defaults where absent.
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
        return of(p.seed(), 0, opts, catalog);
    }

    /** @return the settings recorded in a fine-tune's provenance: the domain's name only if it was explicit */
    public Map<String, String> provenanceSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("domain_source", explicitDomain ? FROM_OPTION : FROM_SEED);
        if (explicitDomain) {
            s.put("domain", domain);
        }
        s.put("layer", String.valueOf(layer));
        s.put("rank", String.valueOf(rank));
        return s;
    }

    /** @return the domain for what the training prints: its name if explicit, else a phrase naming no domain */
    public String domainLabel() {
        return explicitDomain ? domain : "the seed's secret domain";
    }
}
