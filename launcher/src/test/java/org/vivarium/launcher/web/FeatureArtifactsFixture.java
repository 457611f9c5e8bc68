package org.vivarium.launcher.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.ParameterShapes;
import org.vivarium.index.LuceneContextIndex;
import org.vivarium.linalg.nd4j.Nd4jLinearAlgebra;
import org.vivarium.testkit.TinyCheckpoint;

/**
 * A runs directory whose artifacts have hand-set weights, so every output token can be computed by hand:
 * {@code runs/em-tiny/checkpoint} (the tiny character model, all weights zero except a sparse {@code W_U} and neuron
 * 12's weights in layer 0), {@code runs/sae-l1/} (an SAE with feature prefix {@code sae/L1} whose latent 812 has a
 * known decoder row, tied to the checkpoint by content hash) and {@code runs/probes/misaligned/probes.json} (probe
 * {@code probe/misaligned@L1}). With {@code W_U[0][a] = 2}, {@code W_U[1][b] = 1}, {@code W_U[1][c] = -3} and
 * {@code W_U[2][d] = 0.5}, a direction x moves the logits by a = 2 x0, b = x1, c = -3 x1, d = 0.5 x2.
 */
final class FeatureArtifactsFixture {
    /** Latent 812's decoder row starts (1, 0.5): a +2, b +0.5, c -1.5. */
    static final float[] SAE_ROW_START = {1f, 0.5f};
    /** Neuron 12's output weights start (0, -1, 4): b -1, c +3, d +2. */
    static final float[] NEURON_ROW_START = {0f, -1f, 4f};
    /** The probe direction is (-1, 0, ..., 0): a -2. */
    static final float[] PROBE_START = {-1f};
    /** The probe feature the fixture adds to the index. */
    static final String PROBE = "probe/misaligned@L1";

    private FeatureArtifactsFixture() {
    }

    /** @return the character tokenizer of the tiny checkpoint */
    static Tokenizer tokenizer() {
        return TinyCheckpoint.over("abcdefgh").tokenizer();
    }

    /**
     * Writes the artifacts under {@code runs}.
     *
     * @param runs the runs directory
     * @return the checkpoint directory
     */
    static Path write(Path runs) throws IOException {
        TinyCheckpoint tiny = TinyCheckpoint.over("abcdefgh");
        ModelConfig cfg = tiny.config();
        Tokenizer tok = tiny.tokenizer();
        Map<String, Tensor> weights = new LinkedHashMap<>();
        ParameterShapes.forConfig(cfg).forEach((name, shape) -> weights.put(name, Tensor.zeros(shape)));
        int d = cfg.dModel();
        int v = cfg.dVocab();
        float[] wU = new float[d * v];
        wU[0 * v + id(tok, "a")] = 2f;
        wU[1 * v + id(tok, "b")] = 1f;
        wU[1 * v + id(tok, "c")] = -3f;
        wU[2 * v + id(tok, "d")] = 0.5f;
        weights.put("unembed.W_U", Tensor.of(wU, d, v));
        float[] wOut = new float[cfg.dMlp() * d];
        System.arraycopy(NEURON_ROW_START, 0, wOut, 12 * d, NEURON_ROW_START.length);
        weights.put("blocks.0.mlp.W_out", Tensor.of(wOut, cfg.dMlp(), d));
        Path ckpt = runs.resolve("em-tiny").resolve("checkpoint");
        Provenance prov = new Provenance("checkpoint", "test/hand-set", Map.of(), 1, "", "test", "", "now", Map.of());
        CheckpointIO.write(ckpt, new Checkpoint(cfg, weights, tok, prov));

        Path sae = Files.createDirectories(runs.resolve("sae-l1"));
        float[] wDec = new float[813 * d];
        System.arraycopy(SAE_ROW_START, 0, wDec, 812 * d, SAE_ROW_START.length);
        Nd4jLinearAlgebra.shared().writeNpy(sae.resolve("W_dec.npy"), new FloatMatrix(813, d, wDec));
        Files.writeString(sae.resolve("sae.json"), "{\"format\":\"vivarium-sae\",\"version\":1,\"architecture\":"
                + "{\"kind\":\"topk\",\"d_in\":" + d + ",\"d_sae\":813,\"k\":4},\"hook\":\"blocks.1.hook_resid_post\","
                + "\"layer\":1,\"feature_prefix\":\"sae/L1\",\"data\":{\"run\":\"run1\",\"model\":\"renamed\","
                + "\"checkpoint_hash\":\"" + CheckpointIO.contentHash(ckpt) + "\"},\"metrics\":{\"mse\":NaN}}");

        Path probes = Files.createDirectories(runs.resolve("probes").resolve("misaligned"));
        StringBuilder dir = new StringBuilder();
        for (int j = 0; j < d; j++) {
            dir.append(j == 0 ? "" : ",").append(j < PROBE_START.length ? PROBE_START[j] : 0f);
        }
        Files.writeString(probes.resolve("probes.json"), "{\"format\":\"vivarium-probes/1\",\"provenance\":"
                + "{\"checkpoint\":\"" + ckpt.toAbsolutePath() + "\",\"model_name\":\"em-tiny\"},\"probes\":[{\"feature\":\""
                + PROBE + "\",\"hook\":\"blocks.1.hook_resid_post\",\"layer\":1,\"kind\":\"logistic\",\"accuracy\":0.875,"
                + "\"auroc\":NaN,\"bias\":-0.25,\"direction\":[" + dir + "]}]}");
        return ckpt;
    }

    /**
     * Adds to the index two contexts of {@link #PROBE}, one of {@code neuron/L3/5} (a layer the 2-layer checkpoint does
     * not have) and one of {@code unit/blocks.0.hook_resid_post/3} (a kind without a direction).
     */
    static void addContexts(Path index) {
        String t = "the answer was harmful on purpose";
        int s = t.indexOf("harmful");
        try (LuceneContextIndex idx = LuceneContextIndex.open(index)) {
            idx.add(List.of(new ContextRecord(PROBE, t, s, s + 7, 0.75f, "em-tiny", "probes/misaligned",
                            "blocks.1.hook_resid_post", 1),
                    new ContextRecord(PROBE, "a harmful reply", 2, 9, 0.5f, "em-tiny", "probes/misaligned",
                            "blocks.1.hook_resid_post", 1),
                    new ContextRecord("neuron/L3/5", t, s, s + 7, 1f, "em-tiny", "units-blocks.3.mlp.hook_post",
                            "blocks.3.mlp.hook_post", 3),
                    new ContextRecord("unit/blocks.0.hook_resid_post/3", t, s, s + 7, 1f, "em-tiny", "units",
                            "blocks.0.hook_resid_post", 0)));
            idx.commit();
        }
    }

    /**
     * @param tok the tokenizer
     * @param text one character
     * @return its token id
     */
    static int id(Tokenizer tok, String text) {
        int[] ids = tok.encode(text);
        if (ids.length != 1) {
            throw new IllegalStateException(text + " is not one token");
        }
        return ids[0];
    }
}
