package org.vivarium.plugin.steering.extract;

import java.util.Arrays;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Model;

/** Encodes prompts for a forward pass: non-empty, and cut to the model's context (keeping the end). */
public final class PromptTokens {
    private PromptTokens() {
    }

    /**
     * Encodes one prompt, keeping its last {@code n_ctx} tokens.
     *
     * @param model the model whose tokenizer and context apply
     * @param prompt the text
     * @return token ids, 1 to {@code n_ctx} of them
     * @throws VivariumException if the prompt encodes to no tokens
     */
    public static int[] encode(Model model, String prompt) {
        int[] ids = model.tokenizer().encode(prompt);
        if (ids.length == 0) {
            throw new VivariumException("prompt \"" + prompt + "\" encodes to no tokens",
                    "remove empty prompts from the prompt set");
        }
        int ctx = model.config().nCtx();
        return ids.length <= ctx ? ids : Arrays.copyOfRange(ids, ids.length - ctx, ids.length);
    }
}
