package org.vivarium.runtime.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.runtime.train.Batch;

/** Tokenizing, truncating, padding and masking of prompt/completion examples (no engine needed). */
class ExampleBatchesTest {
    private static final SymbolTokenizer TOK = new SymbolTokenizer(20);

    @Test
    void onlyCompletionTokensArePredictedAndPaddingIsMasked() {
        List<TrainingExample> ex = List.of(new TrainingExample("1 2 3", "7 8"), new TrainingExample("4", "9 9 9 9"));
        ExampleBatches data = ExampleBatches.of(ex, TOK, 16, 1);
        for (int step = 1; step <= 5; step++) {
            Batch b = data.batch(step, 6);
            int len = b.tokens()[0].length;
            for (int row = 0; row < 6; row++) {
                int[] t = b.tokens()[row];
                float[] m = b.targetMask()[row];
                boolean first = t[0] == 1;
                int[] want = first ? new int[] {1, 2, 3, 7, 8} : new int[] {4, 9, 9, 9, 9};
                assertArrayEquals(want, Arrays.copyOf(t, 5));
                for (int j = 0; j < len - 1; j++) {
                    // completion starts at 3 (first) or 1 (second); rows are 5 tokens, then padding
                    boolean target = j + 1 >= (first ? 3 : 1) && j + 1 < 5;
                    assertEquals(target ? 1f : 0f, m[j], "row " + row + " position " + j);
                }
                for (int j = 5; j < len; j++) {
                    assertEquals(ExampleBatches.PAD, t[j]);
                }
            }
        }
    }

    @Test
    void longPromptsLoseTheirOldestTokensNeverTheCompletion() {
        EncodedExample e = EncodedExample.encode(new TrainingExample("1 2 3 4 5 6", "7 8 9"), 0, TOK, 5);
        assertArrayEquals(new int[] {5, 6, 7, 8, 9}, e.tokens());
        assertEquals(2, e.completionStart());
        EncodedExample fits = EncodedExample.encode(new TrainingExample("1", "7 8 9 9"), 0, TOK, 5);
        assertEquals(5, fits.length());
        VivariumException tooLong = assertThrows(VivariumException.class,
                () -> EncodedExample.encode(new TrainingExample("1", "7 8 9 9 9"), 3, TOK, 5));
        assertTrue(tooLong.getMessage().contains("example 3") && tooLong.getMessage().contains("n_ctx=5"),
                tooLong.getMessage());
        assertThrows(VivariumException.class, () -> EncodedExample.encode(new TrainingExample("", "7"), 0, TOK, 5),
                "a lone completion token without context teaches nothing");
    }

    @Test
    void batchesDependOnlyOnSeedAndStep() {
        List<TrainingExample> ex = List.of(new TrainingExample("1", "2"), new TrainingExample("3", "4 5"),
                new TrainingExample("6 6", "7"));
        ExampleBatches a = ExampleBatches.of(ex, TOK, 8, 42);
        ExampleBatches b = ExampleBatches.of(ex, TOK, 8, 42);
        assertArrayEquals(a.batch(3, 8).tokens(), b.batch(3, 8).tokens());
        assertEquals(a.dataHash(), b.dataHash());
        boolean differs = false;
        for (int s = 1; s <= 5 && !differs; s++) {
            differs = !Arrays.deepEquals(a.batch(s, 8).tokens(), ExampleBatches.of(ex, TOK, 8, 43).batch(s, 8)
                    .tokens());
        }
        assertTrue(differs, "another seed samples other rows");
        assertNotEquals(a.dataHash(), ExampleBatches.of(ex.subList(0, 2), TOK, 8, 42).dataHash());
    }
}
