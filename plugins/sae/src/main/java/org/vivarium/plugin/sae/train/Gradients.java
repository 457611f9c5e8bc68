package org.vivarium.plugin.sae.train;

import java.util.Arrays;

/**
 * One worker's gradient buffers for one step, plus its loss sums. The encoder gradient is kept transposed
 * ({@code [latents][d_in]}) so the sparse per-token update is a contiguous row update. Only the rows of latents that
 * fired this step ({@link #fired}, {@link #firedList}) hold this step's gradient: {@link BatchStep} overwrites them,
 * and rows of latents that did not fire may hold an earlier step's values, so readers must check {@link #fired}.
 * {@link #bEnc} and {@link #bDec} are whole (zero for latents that did not fire).
 */
final class Gradients {
    final float[][] wEncT;
    final float[] bEnc;
    final float[][] wDec;
    final float[] bDec;
    final boolean[] fired;
    final int[] firedList;
    int firedCount;
    double mse;
    double l1;
    long l0;
    double variance;

    Gradients(int dIn, int latents) {
        wEncT = new float[latents][dIn];
        bEnc = new float[latents];
        wDec = new float[latents][dIn];
        bDec = new float[dIn];
        fired = new boolean[latents];
        firedList = new int[latents];
    }

    void touch(int latent) {
        if (!fired[latent]) {
            fired[latent] = true;
            firedList[firedCount++] = latent;
        }
    }

    void clear() {
        for (int j = 0; j < firedCount; j++) {
            int i = firedList[j];
            bEnc[i] = 0;
            fired[i] = false;
        }
        firedCount = 0;
        Arrays.fill(bDec, 0f);
        mse = 0;
        l1 = 0;
        l0 = 0;
        variance = 0;
    }
}
