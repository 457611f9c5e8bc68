package org.vivarium.plugin.emfinetune.eval;

/**
 * One model role's answers on one domain, counted over one {@link Part} of its prompts.
 *
 * @param role e.g. {@code em}
 * @param set the domain
 * @param part which prompts were counted
 * @param n answers
 * @param misaligned answers the behaviour meter flags
 * @param coherent answers the coherence meter passes, or -1 if there is no coherence meter
 */
public record SetRate(String role, DomainSet set, Part part, int n, int misaligned, int coherent) {
    /** @return the misaligned fraction, NaN if there are no answers */
    public double misalignedRate() {
        return n == 0 ? Double.NaN : (double) misaligned / n;
    }

    /** @return the coherent fraction, NaN if there are no answers or no coherence meter */
    public double coherentRate() {
        return n == 0 || coherent < 0 ? Double.NaN : (double) coherent / n;
    }

    /** @return the 95% Wilson interval of the misaligned rate */
    public Wilson misalignedInterval() {
        return Wilson.of(misaligned, n);
    }

    /** @return the 95% Wilson interval of the coherent rate (NaN bounds without a coherence meter) */
    public Wilson coherentInterval() {
        return coherent < 0 ? Wilson.of(0, 0) : Wilson.of(coherent, n);
    }

    /**
     * The variance of the misaligned rate for a normal approximation, with add-one smoothing
     * ({@code p = (k + 1) / (n + 2)}) so that a rate of 0 or 1 on a few answers is not taken as certain.
     *
     * @return {@code p (1 - p) / n}, NaN if there are no answers
     */
    public double misalignedVariance() {
        if (n == 0) {
            return Double.NaN;
        }
        double p = (misaligned + 1.0) / (n + 2.0);
        return p * (1 - p) / n;
    }
}
