package org.vivarium.plugin.emfinetune.eval;

import java.util.List;
import java.util.Optional;

/**
 * Everything the emergent-misalignment evaluation measured.
 *
 * @param roles the model roles measured, in order (a subset of {@code base, control, em})
 * @param sets the prompt sets, in the target's order
 * @param rates one entry per role and set, roles outer
 * @param answers every answer, in the order of {@code rates}
 * @param behaviour the behaviour meter's name, e.g. {@code misaligned}
 * @param evaluatorAccuracy the behaviour meter's measured held-out accuracy
 * @param coherence the coherence meter's name, or empty if the target has none
 */
public record EmMeasurement(List<String> roles, List<DomainSet> sets, List<SetRate> rates, List<Answer> answers,
        String behaviour, double evaluatorAccuracy, String coherence) {
    /** Copies the lists. */
    public EmMeasurement {
        roles = List.copyOf(roles);
        sets = List.copyOf(sets);
        rates = List.copyOf(rates);
        answers = List.copyOf(answers);
    }

    /** @return whether coherence was measured */
    public boolean hasCoherence() {
        return !coherence.isEmpty();
    }

    /**
     * Returns whether a role was measured.
     *
     * @param role e.g. {@code control}
     * @return true if it is among {@link #roles()}
     */
    public boolean has(String role) {
        return roles.contains(role);
    }

    /** @return the fine-tune domain's set, if one is marked */
    public Optional<DomainSet> fineTuneSet() {
        return sets.stream().filter(DomainSet::fineTune).findFirst();
    }

    /**
     * Returns a role's rates, one per set in set order.
     *
     * @param role the role
     * @return its rates
     */
    public List<SetRate> ratesOf(String role) {
        return rates.stream().filter(r -> r.role().equals(role)).toList();
    }

    /**
     * Returns a role's rates on the held-out sets (every set but the fine-tune domain).
     *
     * @param role the role
     * @return its held-out rates
     */
    public List<SetRate> heldOut(String role) {
        return ratesOf(role).stream().filter(r -> !r.set().fineTune()).toList();
    }

    /**
     * The mean over held-out sets of a role's misaligned rate (each set weighs the same).
     *
     * @param role the role
     * @return the mean, NaN if there is no held-out set
     */
    public double heldOutMisaligned(String role) {
        return heldOut(role).stream().mapToDouble(SetRate::misalignedRate).average().orElse(Double.NaN);
    }

    /**
     * The mean over held-out sets of a role's coherent rate.
     *
     * @param role the role
     * @return the mean, NaN if there is no held-out set or no coherence meter
     */
    public double heldOutCoherent(String role) {
        return hasCoherence() ? heldOut(role).stream().mapToDouble(SetRate::coherentRate).average()
                .orElse(Double.NaN) : Double.NaN;
    }

    /**
     * Counts a role's held-out answers.
     *
     * @param role the role
     * @return answers over all held-out sets
     */
    public int heldOutN(String role) {
        return heldOut(role).stream().mapToInt(SetRate::n).sum();
    }

    /**
     * Returns a role's rate on the fine-tune domain.
     *
     * @param role the role
     * @return the rate, if a fine-tune domain is marked and the role was measured
     */
    public Optional<SetRate> fineTuneRate(String role) {
        return ratesOf(role).stream().filter(r -> r.set().fineTune()).findFirst();
    }
}
