package org.vivarium.organisms.backdoor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.Tokenizer;

/** Generates the text a model writes after each prompt. */
final class Continuations {
    private Continuations() {
    }

    /**
     * Continues every prompt without hooks.
     *
     * @param model the model
     * @param prompts prompts
     * @param options decoding settings
     * @return the generated text after each prompt (prompt not included)
     */
    static List<String> generate(Model model, List<String> prompts, GenerationOptions options) {
        Tokenizer tok = model.tokenizer();
        List<String> out = new ArrayList<>(prompts.size());
        for (String p : prompts) {
            int[] ids = tok.encode(p);
            int[] all = model.generate(ids, options, List.of());
            out.add(tok.decode(Arrays.copyOfRange(all, ids.length, all.length)));
        }
        return out;
    }
}
