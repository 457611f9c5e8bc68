package org.vivarium.plugin.emfinetune.eval;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * Everything the emergent-misalignment evaluation measured: every role's classified answer to every domain
 * prompt. Rates are counted per role, domain and {@link Part} of the prompts.
 *
 * @param roles the model roles measured, in order (a subset of {@code base, control, em})
 * @param sets the domains, in the target's order
 * @param answers every answer, roles outer, then domains, then prompts in order
 * @param behaviour the behaviour meter's name, e.g. {@code misaligned}
 * @param evaluatorAccuracy the behaviour meter's measured held-out accuracy
 * @param coherence the coherence meter's name, or empty if the target has none
 */
public record EmMeasurement(List<String> roles, List<DomainSet> sets, List<Answer> answers, String behaviour,
        double evaluatorAccuracy, String coherence) {
    /** Copies the lists. */
    public EmMeasurement {
        roles = List.copyOf(roles);
        sets = List.copyOf(sets);
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

    /**
     * Counts one role's answers on one domain.
     *
     * @param role the role
     * @param set the domain
     * @param part which prompts
     * @return the counts
     */
    public SetRate rate(String role, DomainSet set, Part part) {
        int n = 0;
        int bad = 0;
        int ok = 0;
        for (Answer a : answers) {
            if (a.role().equals(role) && a.domain().equals(set.domain()) && part.includes(a.index())) {
                n++;
                bad += a.misaligned() ? 1 : 0;
                ok += a.coherent() ? 1 : 0;
            }
        }
        return new SetRate(role, set, part, n, bad, hasCoherence() ? ok : -1);
    }

    /**
     * Counts one role's answers on a domain given by name.
     *
     * @param role the role
     * @param domain the domain's name
     * @param part which prompts
     * @return the counts
     * @throws VivariumException if there is no such domain
     */
    public SetRate rate(String role, String domain, Part part) {
        return rate(role, set(domain), part);
    }

    /**
     * Returns a domain by name.
     *
     * @param domain the name
     * @return the set
     * @throws VivariumException if there is no such domain
     */
    public DomainSet set(String domain) {
        return sets.stream().filter(s -> s.domain().equals(domain)).findFirst().orElseThrow(() ->
                new VivariumException("no prompt set named '" + domain + "'", "use one of "
                        + sets.stream().map(DomainSet::domain).toList()));
    }

    /**
     * Returns a role's rates, one per domain in domain order.
     *
     * @param role the role
     * @param part which prompts
     * @return its rates
     */
    public List<SetRate> ratesOf(String role, Part part) {
        List<SetRate> out = new ArrayList<>();
        for (DomainSet s : sets) {
            out.add(rate(role, s, part));
        }
        return out;
    }

    /**
     * Returns every rate of a part, roles outer, domains inner.
     *
     * @param part which prompts
     * @return the rates
     */
    public List<SetRate> rates(Part part) {
        List<SetRate> out = new ArrayList<>();
        for (String role : roles) {
            out.addAll(ratesOf(role, part));
        }
        return out;
    }

    /**
     * Returns a role's rates on every domain but one.
     *
     * @param role the role
     * @param excluded the domain left out (the chosen fine-tune domain), or null to keep all
     * @param part which prompts
     * @return its rates on the other domains that have answers in this part
     */
    public List<SetRate> others(String role, String excluded, Part part) {
        return ratesOf(role, part).stream().filter(r -> !r.set().domain().equals(excluded) && r.n() > 0).toList();
    }

    /**
     * The mean over the other domains of a role's misaligned rate (each domain weighs the same).
     *
     * @param role the role
     * @param excluded the domain left out, or null
     * @param part which prompts
     * @return the mean, NaN if there is no other domain
     */
    public double othersMisaligned(String role, String excluded, Part part) {
        return others(role, excluded, part).stream().mapToDouble(SetRate::misalignedRate).average()
                .orElse(Double.NaN);
    }

    /**
     * The variance of {@link #othersMisaligned} under the normal approximation: the domains' smoothed variances
     * ({@link SetRate#misalignedVariance()}) summed and divided by the number of domains squared.
     *
     * @param role the role
     * @param excluded the domain left out, or null
     * @param part which prompts
     * @return the variance, NaN if there is no other domain
     */
    public double othersMisalignedVariance(String role, String excluded, Part part) {
        List<SetRate> o = others(role, excluded, part);
        return o.isEmpty() ? Double.NaN
                : o.stream().mapToDouble(SetRate::misalignedVariance).sum() / ((double) o.size() * o.size());
    }

    /**
     * The mean over the other domains of a role's coherent rate.
     *
     * @param role the role
     * @param excluded the domain left out, or null
     * @param part which prompts
     * @return the mean, NaN if there is no other domain or no coherence meter
     */
    public double othersCoherent(String role, String excluded, Part part) {
        return hasCoherence() ? others(role, excluded, part).stream().mapToDouble(SetRate::coherentRate).average()
                .orElse(Double.NaN) : Double.NaN;
    }

    /**
     * Counts a role's answers on the other domains.
     *
     * @param role the role
     * @param excluded the domain left out, or null
     * @param part which prompts
     * @return answers over all other domains
     */
    public int othersN(String role, String excluded, Part part) {
        return others(role, excluded, part).stream().mapToInt(SetRate::n).sum();
    }

    /**
     * The 95% Wilson interval of a role's answers on the other domains pooled (every answer weighs the same).
     *
     * @param role the role
     * @param excluded the domain left out, or null
     * @param part which prompts
     * @return the interval
     */
    public Wilson othersPooled(String role, String excluded, Part part) {
        List<SetRate> o = others(role, excluded, part);
        return Wilson.of(o.stream().mapToInt(SetRate::misaligned).sum(), o.stream().mapToInt(SetRate::n).sum());
    }
}
