package org.vivarium.plugin.sae.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.organisms.lm.Corpus;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.model.ParameterStore;

/**
 * A small real model and real text for the end-to-end tests: prompts are consecutive 48-character windows
 * of the embedded State of the Union corpus (whitespace folded), and the checkpoint is a seeded random
 * 2-layer character-level decoder (d_model 32) over their characters.
 */
final class TinyTextModel {
    static final int WIDTH = 48;

    private TinyTextModel() {
    }

    static List<String> prompts(int count) {
        String text = Corpus.embedded().text().replaceAll("\\s+", " ");
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < count; i += WIDTH) {
            String p = text.substring(i, i + WIDTH);
            if (!p.startsWith("#") && !p.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }

    static Path writeCheckpoint(Path dir, DjlModelRuntime rt, List<String> prompts, long seed) {
        CharTokenizer tok = CharTokenizer.fromCorpus(String.join("", prompts), 96);
        ModelConfig cfg = new ModelConfig(2, 32, 4, 8, 64, tok.vocabSize(), WIDTH, ActFn.GELU, false,
                Normalization.PRE, Positional.LEARNED);
        try (ParameterStore p = ParameterStore.initialise(cfg, seed, rt.manager())) {
            Provenance prov = new Provenance("checkpoint", "test/tiny-text", Map.of(), seed, "", "test", "", "now",
                    Map.of());
            CheckpointIO.write(dir, new Checkpoint(cfg, p.toTensors(), tok, prov));
        }
        return dir;
    }
}
