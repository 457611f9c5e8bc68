package org.vivarium.plugin.sae.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.sae.math.SaeKind;

class SaeBenchmarkTest {
    private static final Progress NONE = new Progress() {
        @Override
        public void advance(long units) {
            // not shown
        }

        @Override
        public void metric(String name, double value) {
            // not shown
        }

        @Override
        public void close() {
            // nothing to close
        }
    };

    @Test
    void topKBenchmarkCountsItsFlopsAndRelatesThemToTheMatmulPeak() {
        SaeBenchmark.Result r = SaeBenchmark.run(SaeKind.TOPK, 32, 128, 8, 64, 40, 2, NONE);
        assertEquals(8.0, r.meanL0(), 1e-9, "TopK runs at exactly k active latents");
        assertEquals(2.0 * 32 * 128 + 8.0 * 32 * 8, r.flopsPerToken(), 1e-9);
        assertTrue(r.tokensPerSecond() > 0 && r.peak1() > 0 && r.peakN() > 0);
        assertEquals(r.tokensPerSecond() * r.flopsPerToken() / 1e9 / r.peakN(), r.fractionOfPeak(), 1e-12);
        assertTrue(r.markdown().contains("| fraction of peak |"), r.markdown());
    }
}
