package org.vivarium.runtime.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.runtime.tokenizer.HfTokenizer;
import org.vivarium.runtime.train.Batch;

/**
 * A Llama-style Hugging Face tokenizer whose post-processor prepends BOS (test resource {@code hf-bos/tokenizer.json}:
 * the imported Llama fixture's word-level vocabulary plus {@code <s>} = 96 and a {@code TemplateProcessing}
 * {@code <s> $A}): a training example is {@code BOS prompt completion}, with exactly one BOS, at position 0.
 */
class BosOnceTest {
    private static final int BOS = 96;

    private static HfTokenizer tokenizer() throws URISyntaxException {
        Path file = Path.of(BosOnceTest.class.getResource("/hf-bos/tokenizer.json").toURI());
        return HfTokenizer.load(file, 97);
    }

    @Test
    void theCompletionGetsNoSecondBos() throws Exception {
        HfTokenizer tok = tokenizer();
        assertArrayEquals(new int[] {BOS, 3, 13}, tok.encode("w3 w13"), "the tokenizer itself adds BOS");
        assertArrayEquals(new int[] {77, 78}, tok.encodeContinuation(" w77 w78"), "a continuation has none");
        EncodedExample e = EncodedExample.encode(new TrainingExample("w3 w13", " w77 w78"), 0, tok, 16);
        assertArrayEquals(new int[] {BOS, 3, 13, 77, 78}, e.tokens());
        assertEquals(3, e.completionStart());
        ExampleBatches data = ExampleBatches.of(List.of(new TrainingExample("w1 w2 w3", " w9"),
                new TrainingExample("w4", " w5 w6 w7")), tok, 16, 1);
        Batch b = data.batch(1, 4);
        for (int[] row : b.tokens()) {
            assertEquals(BOS, row[0], Arrays.toString(row));
            assertEquals(1, Arrays.stream(row).filter(t -> t == BOS).count(), "one BOS per row: " + Arrays.toString(row));
        }
    }
}
