package org.vivarium.plugin.sae.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.testkit.RecordingProgress;

class SaeBenchmarkTest {
    @Test
    void topKBenchmarkCountsItsFlopsAndRelatesThemToTheMatmulPeak() {
        SaeBenchmark.Result r = SaeBenchmark.run(SaeKind.TOPK, 32, 128, 8, 64, 40, 2, new RecordingProgress());
        assertEquals(8.0, r.meanL0(), 1e-9, "TopK runs at exactly k active latents");
        assertEquals(2.0 * 32 * 128 + 8.0 * 32 * 8, r.flopsPerToken(), 1e-9);
        assertEquals(List.of(SaeKind.TOPK, 32, 128, 64, 2, 40L),
                List.of(r.kind(), r.dIn(), r.latents(), r.batch(), r.threads(), r.steps()), "the settings run");
        // rates are timings, so only sanity bounds: finite, positive, and a peak of naive Java loops is well
        // inside 0.1..1000 GFLOP/s on any CPU this runs on (measured here: 12-18)
        assertTrue(Double.isFinite(r.tokensPerSecond()) && r.tokensPerSecond() > 0, "tokens/s " + r.tokensPerSecond());
        for (double peak : new double[] {r.peak1(), r.peakN()}) {
            assertTrue(peak > 0.1 && peak < 1000, "matmul peak " + peak + " GFLOP/s; result " + r);
        }
        // a sparse SAE step executes its counted FLOPs more slowly than a dense matmul of the same loops
        // (measured here: 2-3 % of peak); more than 100 % means the FLOP count or the peak is wrong
        assertTrue(r.fractionOfPeak() > 0 && r.fractionOfPeak() < 1, "fraction of peak " + r.fractionOfPeak()
                + "; result " + r);
        assertEquals(r.tokensPerSecond() * r.flopsPerToken() / 1e9 / r.peakN(), r.fractionOfPeak(), 1e-12);
        String md = r.markdown();
        assertTrue(md.contains("| SAE | topk, d_in 32, 128 latents, batch 64, 2 thread(s), 40 steps |"), md);
        assertTrue(md.contains("| mean L0 while timed | 8.0 |"), md);
        assertTrue(md.contains("| executed FLOPs per token (2 d n + 8 d L0) | 10,240 |"), md);
        assertTrue(md.contains(String.format(Locale.ROOT, "| fraction of peak | %.0f%% |", 100 * r.fractionOfPeak())),
                md);
    }
}
