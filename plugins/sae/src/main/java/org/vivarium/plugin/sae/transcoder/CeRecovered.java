package org.vivarium.plugin.sae.transcoder;

import java.util.List;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.sae.math.SparseAutoencoder;

/**
 * The cross-entropy loss recovered when a transcoder replaces layer L's MLP:
 * {@code (L_zero - L_transcoder) / (L_zero - L_clean)}, where {@code L_clean} is the model's next-token loss,
 * {@code L_zero} the loss with {@code blocks.L.hook_mlp_out} zero-ablated (the MLP removed), and
 * {@code L_transcoder} the loss with {@code blocks.L.hook_mlp_out} replaced by the transcoder's prediction from
 * the same pass's {@code blocks.L.ln2.hook_normalized} (read in a clean pass: nothing before the MLP changes).
 * Losses are token-weighted means over the sequences.
 *
 * @param clean {@code L_clean}, nats per token
 * @param zeroAblated {@code L_zero}
 * @param transcoder {@code L_transcoder}
 * @param tokens predicted tokens
 */
public record CeRecovered(double clean, double zeroAblated, double transcoder, long tokens) {

    /** @return {@code (L_zero - L_transcoder) / (L_zero - L_clean)}; 1 = as good as the MLP, 0 = as bad as none */
    public double recovered() {
        return (zeroAblated - transcoder) / (zeroAblated - clean);
    }

    /**
     * Measures, one sequence at a time.
     *
     * @param model the model
     * @param sequences token ids (each at least 2 tokens, at most n_ctx)
     * @param layer the MLP's layer
     * @param t the transcoder
     * @return the three losses
     */
    public static CeRecovered measure(Model model, List<int[]> sequences, int layer, Transcoder t) {
        HookName in = HookName.block(layer, "ln2.hook_normalized");
        HookName out = HookName.mlpOut(layer);
        SparseAutoencoder.Scratch s = t.scratch();
        double clean = 0;
        double zero = 0;
        double tc = 0;
        long tokens = 0;
        for (int[] seq : sequences) {
            int[][] batch = {seq};
            int n = seq.length - 1;
            Tensor x = model.runWithCache(batch, HookFilter.names(in.path())).activations().get(in);
            int d = x.size(2);
            float[] pred = new float[seq.length * d];
            float[] yHat = new float[d];
            for (int p = 0; p < seq.length; p++) {
                t.apply(x.row(0, p), s, yHat);
                System.arraycopy(yHat, 0, pred, p * d, d);
            }
            clean += n * (double) model.loss(batch, List.of())[0];
            zero += n * (double) model.loss(batch, List.of(Hook.zeroAblate(out)))[0];
            tc += n * (double) model.loss(batch, List.of(Hook.replace(out, Tensor.of(pred, 1, seq.length, d))))[0];
            tokens += n;
        }
        return new CeRecovered(clean / tokens, zero / tokens, tc / tokens, tokens);
    }
}
