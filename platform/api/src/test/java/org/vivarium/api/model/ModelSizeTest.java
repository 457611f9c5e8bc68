package org.vivarium.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class ModelSizeTest {
    private static final long GB = 1L << 30;

    @Test
    void absurdLayerCountNamesTheFieldAndTheLargestThatFits() {
        ModelConfig c = ModelConfig.builder().nLayers(1_000_000_000).build();
        VivariumException e = assertThrows(VivariumException.class, () -> ModelSize.requireFits(c, 2 * GB, "cfg.json"));
        assertTrue(e.problem().startsWith("cfg.json: n_layers=1000000000 makes the model too large: about "), e.problem());
        assertTrue(e.problem().endsWith("more than the 2.0 GB this JVM may use (-Xmx)"), e.problem());
        assertTrue(e.fix().startsWith("fix n_layers in config.json (at most n_layers="), e.fix());
        long fits = Long.parseLong(e.fix().replaceAll(".*n_layers=(\\d+) fits.*", "$1"));
        assertTrue(ModelSize.estimatedBytes(ModelConfig.builder().nLayers((int) fits).build()) <= 2 * GB);
        assertTrue(ModelSize.estimatedBytes(ModelConfig.builder().nLayers((int) fits + 1).build()) > 2 * GB);
    }

    @Test
    void hugeContextIsBlamedOnNCtx() {
        ModelConfig c = ModelConfig.builder().nCtx(1 << 30).build();
        VivariumException e = assertThrows(VivariumException.class, () -> ModelSize.requireFits(c, 2 * GB, "cfg.json"));
        assertTrue(e.problem().startsWith("cfg.json: n_ctx=1073741824 makes the model too large"), e.problem());
    }

    @Test
    void smallModelsFitAndTheEstimateCountsEveryWeight() {
        ModelConfig c = ModelConfig.builder().build();
        ModelSize.requireFits(c, 64L << 20, "cfg.json");
        double patternBytes = 4.0 * c.nHeads() * c.nCtx() * c.nCtx();
        assertEquals(4.0 * c.parameterCount(), ModelSize.estimatedBytes(c) - patternBytes, 4.0 * c.nLayers() * 2 * c.dModel());
    }
}
