package org.vivarium.plugin.emfinetune.eval;

/**
 * The counts of one model role on one prompt set.
 *
 * @param role the model role
 * @param set the prompt set
 * @param n answers
 * @param misaligned answers the behaviour meter flags
 * @param coherent answers the coherence meter passes, or -1 if there is no coherence meter
 */
public record SetRate(String role, DomainSet set, int n, int misaligned, int coherent) {
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
}
