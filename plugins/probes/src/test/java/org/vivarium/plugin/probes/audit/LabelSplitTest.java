package org.vivarium.plugin.probes.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.Split;

class LabelSplitTest {
    private static int[] interleaved(int pairs) {
        return IntStream.range(0, 2 * pairs).map(i -> i % 2).toArray();
    }

    private static long count(int[] part, int[] labels, int label) {
        return Arrays.stream(part).filter(i -> labels[i] == label).count();
    }

    @Test
    void interleavedLabelsGiveEveryPartBothLabelsWhereSplitOfNWouldNot() {
        int[] labels = interleaved(64);
        // the plain split deals the interleaved labels to one label per part
        Split plain = Split.of(labels.length);
        assertEquals(0, count(plain.validationIdx(), labels, 1));
        assertEquals(0, count(plain.testIdx(), labels, 0));
        LabelSplit s = LabelSplit.of(labels);
        for (int[] part : new int[][] {s.fit(), s.validation(), s.test()}) {
            assertEquals(count(part, labels, 0), count(part, labels, 1), Arrays.toString(part));
        }
        assertEquals(64, s.fit().length);
        assertEquals(32, s.validation().length);
        assertEquals(32, s.test().length);
    }

    @Test
    void partsAreDisjointCoverEveryPromptAndFollowSplitOfPerLabel() {
        int[] labels = {1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0};
        LabelSplit s = LabelSplit.of(labels);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.fit()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, labels.length).toArray(), all);
        // label 1 prompts in order: 0, 1, 3, 6, 9, 10 -> Split.of(6): fit 0,1,4,5; validation 2; test 3
        assertTrue(Arrays.stream(s.validation()).anyMatch(i -> i == 3));
        assertTrue(Arrays.stream(s.test()).anyMatch(i -> i == 6));
        assertTrue(Arrays.stream(s.fit()).anyMatch(i -> i == 10));
    }

    @Test
    void tooFewPromptsOfALabelIsAnErrorWithAFix() {
        VivariumException e = assertThrows(VivariumException.class, () -> LabelSplit.of(new int[] {0, 0, 0, 0, 1, 1, 1}));
        assertTrue(e.getMessage().contains("labelled 1"), e.getMessage());
        assertThrows(VivariumException.class, () -> LabelSplit.of(new int[] {0, 0, 0, 0, 1, 1, 1, 2}));
    }
}
