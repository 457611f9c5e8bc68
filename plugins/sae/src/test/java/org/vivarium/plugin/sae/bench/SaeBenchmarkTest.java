package org.vivarium.plugin.sae.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.train.StepTimes;
import org.vivarium.testkit.RecordingProgress;
import org.vivarium.testkit.TestLinearAlgebra;

class SaeBenchmarkTest {
    @Test
    void topKBenchmarkCountsItsFlopsAndRelatesThemToTheSgemmLimit() {
        SaeBenchmark.Result r = SaeBenchmark.run(SaeKind.TOPK, 32, 128, 8, 64, 40, 2, TestLinearAlgebra.shared(),
                new RecordingProgress());
        assertEquals(8.0, r.meanL0(), 1e-9, "TopK runs at exactly k active latents");
        assertEquals(2.0 * 32 * 128 + 8.0 * 32 * 8, r.flopsPerToken(), 1e-9);
        assertEquals(List.of(SaeKind.TOPK, 32, 128, 64, 2, TestLinearAlgebra.shared().threads(), 40L),
                List.of(r.kind(), r.dIn(), r.latents(), r.batch(), r.threads(), r.nativeThreads(), r.steps()),
                "the settings run");
        // rates are timings, so only sanity bounds: finite, positive, and an sgemm rate well inside
        // 0.1..10000 GFLOP/s on any CPU this runs on
        assertTrue(Double.isFinite(r.tokensPerSecond()) && r.tokensPerSecond() > 0, "tokens/s " + r.tokensPerSecond());
        for (double rate : new double[] {r.sgemmEncoderShape(), r.sgemmSquare()}) {
            assertTrue(rate > 0.1 && rate < 10_000, "sgemm " + rate + " GFLOP/s; result " + r);
        }
        assertEquals(Math.max(r.sgemmEncoderShape(), r.sgemmSquare()), r.sgemmLimit(), 0);
        // at this tiny size the step's fixed costs dominate, so the counted FLOPs run well below the limit; more
        // than 100 % means the FLOP count or the limit is wrong
        assertTrue(r.fractionOfLimit() > 0 && r.fractionOfLimit() < 1, "fraction of the limit " + r.fractionOfLimit()
                + "; result " + r);
        assertEquals(r.tokensPerSecond() * r.flopsPerToken() / 1e9 / r.sgemmLimit(), r.fractionOfLimit(), 1e-12);
        // the ceiling: counted FLOPs over the encoder product's FLOPs (d_in + 1 with the bias column), at the rate
        // measured for that shape, over the limit; the real step also pays the sparse part, so it stays below
        assertEquals(r.flopsPerToken() / (2.0 * 33 * 128) * r.sgemmEncoderShape() / r.sgemmLimit(),
                r.encoderOnlyCeiling(), 1e-12);
        assertTrue(r.fractionOfLimit() < r.encoderOnlyCeiling(), "below the ceiling: " + r);
        assertEquals(1e3 * 64 * r.flopsPerToken() / (0.5 * r.sgemmLimit() * 1e9), r.halfLimitStepMillis(), 1e-12);
        assertEquals(1e3 * 64 * 2.0 * 33 * 128 / (r.sgemmEncoderShape() * 1e9), r.encoderProductMillis(), 1e-12);
        StepTimes t = r.times();
        assertEquals(1e3 * (t.totalSeconds() - t.encoderSeconds()) / 40, r.restMillis(), 1e-9);
        assertEquals(40, t.steps());
        for (double phase : new double[] {t.encoderSeconds(), t.sparseSeconds(), t.optimizerSeconds()}) {
            assertTrue(phase > 0 && phase < t.totalSeconds(), "phase " + phase + " of " + t);
        }
        assertTrue(t.otherSeconds() >= 0, "the phases fit in the loop's time: " + t);
        assertEquals(40 * 64 / r.tokensPerSecond(), t.totalSeconds(), 1e-9, "tokens/s is over the same loop");
        String md = r.markdown();
        assertTrue(md.contains("| SAE | topk, d_in 32, 128 latents, batch 64, 2 worker thread(s), "
                + r.nativeThreads() + " native thread(s), 40 steps |"), md);
        assertTrue(md.contains("| mean L0 while timed | 8.0 |"), md);
        assertTrue(md.contains("| counted FLOPs per token (2 d n + 8 d L0) | 10,240 |"), md);
        assertTrue(md.contains(String.format(Locale.ROOT, "| fraction of the sgemm limit | %.0f%% |",
                100 * r.fractionOfLimit())),
                md);
        assertTrue(md.contains(String.format(Locale.ROOT, "| ceiling: only the encoder product takes time, at its"
                + " shape's sgemm rate | %.0f%% |", 100 * r.encoderOnlyCeiling())), md);
        assertTrue(md.contains(String.format(Locale.ROOT, "| ms per step measured outside the encoder phase | %.3f |",
                r.restMillis())), md);
    }
}
