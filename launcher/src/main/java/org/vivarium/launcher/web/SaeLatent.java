package org.vivarium.launcher.web;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.linalg.nd4j.Nd4jLinearAlgebra;

/**
 * One latent of an SAE directory as an encoder of cached rows: its activation on a row is the SAE's own
 * {@code f = sparsify(W_enc^T (x - b_dec) + b_enc)} at that latent, where sparsify is ReLU, or for TopK the latent's
 * pre-activation when it is positive and among the row's k largest (ties to the lower index, as the SAE plugin's TopK).
 * A ReLU latent needs only its own encoder column; a TopK latent needs every latent's pre-activation.
 *
 * @param latent the latent index
 * @param wEnc {@code W_enc [d_in, d_sae]}
 * @param bEnc {@code b_enc [d_sae]}
 * @param bDec {@code b_dec [d_in]}
 * @param k TopK's k, or 0 for ReLU
 * @param run the cached run the SAE was trained on ({@code data.run} of sae.json)
 * @param hook the hook it reads ({@code hook} of sae.json)
 */
record SaeLatent(int latent, FloatMatrix wEnc, float[] bEnc, float[] bDec, int k, String run, String hook) {

    /**
     * @param saeJson the SAE's {@code sae.json}
     * @param latent the latent index
     * @return the latent's encoder
     * @throws VivariumException if a file is missing, of another shape, or the SAE kind is unknown
     */
    static SaeLatent read(Path saeJson, int latent) {
        JsonObject o = RunJson.read(saeJson);
        JsonObject arch = RunJson.object(o, "architecture");
        String kind = RunJson.text(arch, "kind");
        Path dir = saeJson.getParent();
        for (String f : new String[] {"W_enc.npy", "b_enc.npy", "b_dec.npy"}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new VivariumException(dir.getFileName() + " has no " + f, "train the SAE again with 'viv sae train'");
            }
        }
        Nd4jLinearAlgebra la = Nd4jLinearAlgebra.shared();
        FloatMatrix wEnc = la.readNpy(dir.resolve("W_enc.npy"));
        float[] bEnc = la.readNpyVector(dir.resolve("b_enc.npy"));
        float[] bDec = la.readNpyVector(dir.resolve("b_dec.npy"));
        if (bEnc.length != wEnc.cols() || bDec.length != wEnc.rows() || latent >= wEnc.cols()) {
            throw new VivariumException(dir.getFileName() + " has W_enc (" + wEnc.rows() + ", " + wEnc.cols()
                    + "), b_enc (" + bEnc.length + ",), b_dec (" + bDec.length + ",) and no latent " + latent,
                    "train the SAE again with 'viv sae train'");
        }
        int k;
        if ("topk".equalsIgnoreCase(kind)) {
            k = Integer.parseInt(RunJson.text(arch, "k"));
        } else if ("relu".equalsIgnoreCase(kind)) {
            k = 0;
        } else {
            throw new VivariumException("SAE kind \"" + kind + "\" in " + saeJson.getFileName() + " is unknown",
                    "use an SAE of kind relu or topk");
        }
        return new SaeLatent(latent, wEnc, bEnc, bDec, k, RunJson.text(RunJson.object(o, "data"), "run"),
                RunJson.text(o, "hook"));
    }

    /** @return the SAE's input width {@code d_in} */
    int dIn() {
        return bDec.length;
    }

    /** @return multiply-adds per encoded row: {@code d_in} for ReLU, {@code d_in * d_sae} for TopK */
    long costPerRow() {
        return k == 0 ? dIn() : (long) dIn() * bEnc.length;
    }

    /**
     * @param x a cached row, {@code d_in} values
     * @param pre scratch of {@code d_sae} values (TopK only; may be null for ReLU)
     * @return the latent's activation on the row, 0 when it is not active
     */
    float activation(float[] x, float[] pre) {
        float[] w = wEnc.data();
        int cols = wEnc.cols();
        if (k == 0) {
            float s = bEnc[latent];
            for (int i = 0; i < x.length; i++) {
                s += (x[i] - bDec[i]) * w[i * cols + latent];
            }
            return s > 0 ? s : 0f;
        }
        System.arraycopy(bEnc, 0, pre, 0, cols);
        for (int i = 0; i < x.length; i++) {
            float c = x[i] - bDec[i];
            if (c != 0) {
                int base = i * cols;
                for (int j = 0; j < cols; j++) {
                    pre[j] += c * w[base + j];
                }
            }
        }
        float mine = pre[latent];
        if (!(mine > 0)) {
            return 0f;
        }
        int ahead = 0;
        for (int j = 0; j < cols && ahead < k; j++) {
            if (pre[j] > mine || pre[j] == mine && j < latent) {
                ahead++;
            }
        }
        return ahead < k ? mine : 0f;
    }
}
