package org.vivarium.plugin.latentqa.decoder;

import java.util.List;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.latentqa.qa.QaFormat;

/**
 * Measures the norm the injected vectors are matched to: the decoder's own activation at the injection hook on the
 * placeholder token, position 0 (which, in a causal model, depends on that token alone).
 */
public final class InjectionScale {
    private InjectionScale() {
    }

    /**
     * Measures the decoder's activation norm at the placeholder.
     *
     * @param decoder the decoder (before training: its initial checkpoint)
     * @param injectHook the injection hook
     * @return the L2 norm, at least {@code 1e-6}
     */
    public static float placeholderNorm(Model decoder, String injectHook) {
        String hook = HookName.parse(injectHook, decoder.config()).path();
        int[] ids = decoder.tokenizer().encode(QaFormat.PLACEHOLDER);
        float[] v = decoder.run(new int[][] {ids}, List.of(), HookFilter.names(hook)).activations().get(hook)
                .row(0, QaFormat.POSITION);
        double n = 0;
        for (float f : v) {
            n += (double) f * f;
        }
        return (float) Math.max(1e-6, Math.sqrt(n));
    }
}
