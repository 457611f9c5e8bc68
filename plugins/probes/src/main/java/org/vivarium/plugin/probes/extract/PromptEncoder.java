package org.vivarium.plugin.probes.extract;

import java.util.Arrays;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.plugin.probes.data.LabelledPrompt;

/** Tokenizes prompts for one model, keeping the last {@code n_ctx} tokens of long prompts. */
public final class PromptEncoder {
    private PromptEncoder() {
    }

    /**
     * Encodes every prompt.
     *
     * @param tokenizer the model's tokenizer
     * @param prompts the prompts
     * @param nCtx the model's context length; longer prompts keep their end
     * @return token ids per prompt, none empty
     * @throws VivariumException if a prompt encodes to no tokens (naming its line)
     */
    public static int[][] encode(Tokenizer tokenizer, List<LabelledPrompt> prompts, int nCtx) {
        int[][] out = new int[prompts.size()][];
        for (int i = 0; i < out.length; i++) {
            LabelledPrompt p = prompts.get(i);
            int[] ids = tokenizer.encode(p.text());
            if (ids.length == 0) {
                throw new VivariumException("the text on data line " + p.line() + " encodes to no tokens with this "
                        + tokenizer.kind() + " tokenizer", "write text the model's tokenizer understands");
            }
            out[i] = ids.length > nCtx ? Arrays.copyOfRange(ids, ids.length - nCtx, ids.length) : ids;
        }
        return out;
    }
}
