package org.vivarium.plugin.lorainterp.pass;

import java.util.Arrays;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Model;

/** Tokenises prompts for a forward pass, keeping the last {@code n_ctx} tokens of long ones. */
public final class PromptTokens {
    private PromptTokens() {
    }

    /**
     * Encodes every prompt.
     *
     * @param model the model whose tokenizer and context length apply
     * @param prompts the texts
     * @return token ids per prompt, 1 to {@code n_ctx} of them
     * @throws VivariumException if a prompt encodes to no tokens
     */
    public static int[][] encode(Model model, List<String> prompts) {
        int ctx = model.config().nCtx();
        int[][] out = new int[prompts.size()][];
        for (int i = 0; i < out.length; i++) {
            int[] ids = model.tokenizer().encode(prompts.get(i));
            if (ids.length == 0) {
                throw new VivariumException("prompt " + (i + 1) + " (\"" + prompts.get(i) + "\") encodes to no tokens",
                        "remove empty prompts from the prompt set");
            }
            out[i] = ids.length <= ctx ? ids : Arrays.copyOfRange(ids, ids.length - ctx, ids.length);
        }
        return out;
    }
}
