package org.vivarium.runtime.lora;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.checkpoint.adapter.Adapter;

/**
 * Turns a saved LoRA adapter into the API's plain {@link LoraFactor}s, one per adapted weight, so plugins can
 * interpret it without seeing checkpoint or DJL types.
 *
 * <pre>{@code
 * List<LoraFactor> fs = LoraFactors.of(AdapterIO.read(dir));
 * fs.get(0).outputDirection(0);   // row 0 of B: what the adapter writes
 * }</pre>
 */
public final class LoraFactors {
    private LoraFactors() {
    }

    /**
     * Lists the factors of an adapter.
     *
     * @param adapter the adapter (tensors already checked against its settings)
     * @return one factor per target, in the adapter's target order, with {@code scale = alpha / rank}
     */
    public static List<LoraFactor> of(Adapter adapter) {
        double scale = (double) adapter.config().alpha() / adapter.config().rank();
        List<LoraFactor> out = new ArrayList<>();
        for (String t : adapter.config().targets()) {
            out.add(new LoraFactor(t, scale, adapter.a(t), adapter.b(t)));
        }
        return List.copyOf(out);
    }
}
