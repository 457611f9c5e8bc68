package org.vivarium.plugin.sae.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.organisms.lm.Corpus;
import org.vivarium.testkit.TinyCheckpoint;

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

    static Path writeCheckpoint(Path dir, List<String> prompts, long seed) {
        return TinyCheckpoint.over(String.join("", prompts)).maxVocab(96).context(WIDTH).seed(seed)
                .recipe("test/tiny-text").writeTo(dir);
    }
}
