package org.vivarium.linalg.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;

/** sgemm into the caller's matrix: the same values as the allocating gemm, buffers reused safely, bad shapes refused. */
class GemmIntoTest {
    private static final LinearAlgebra LA = Nd4jLinearAlgebra.shared();

    private static FloatMatrix random(long seed, int rows, int cols) {
        Random r = new Random(seed);
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextGaussian();
        }
        return new FloatMatrix(rows, cols, data);
    }

    @Test
    void everyTranspositionGivesTheAllocatingGemmsValuesAndRepeatsBitForBit() {
        FloatMatrix a = random(1, 7, 5);
        FloatMatrix b = random(2, 7, 5);
        boolean[][] cases = {{false, true}, {true, false}};
        for (boolean[] t : cases) {
            FloatMatrix expected = LA.gemm(a, t[0], b, t[1]);
            FloatMatrix out = new FloatMatrix(expected.rows(), expected.cols(), new float[expected.data().length]);
            LA.gemm(a, t[0], b, t[1], out);
            assertArrayEquals(expected.data(), out.data(), 1e-5f, "transposes " + t[0] + ", " + t[1]);
            float[] first = out.data().clone();
            LA.gemm(random(3, 7, 5), t[0], random(4, 7, 5), t[1], out); // same shapes: the buffers are reused
            LA.gemm(a, t[0], b, t[1], out);
            assertArrayEquals(first, out.data(), 0f, "the reused buffers give the same bits again");
        }
        FloatMatrix square = random(5, 5, 5);
        FloatMatrix out = new FloatMatrix(5, 5, new float[25]);
        LA.gemm(square, false, square, true, out); // A and B share a shape: separate buffers all the same
        assertArrayEquals(LA.gemm(square, false, square, true).data(), out.data(), 1e-5f);
        assertEquals(LA.threads(), LA.threads());
    }

    @Test
    void cyclingThroughMoreShapesThanTheCacheHoldsStillGivesTheRightProducts() {
        for (int round = 0; round < 2; round++) {
            for (int m = 1; m <= 15; m++) {
                FloatMatrix a = random(m, m, 3);
                FloatMatrix b = random(m + 100, 3, 2);
                FloatMatrix out = new FloatMatrix(m, 2, new float[m * 2]);
                LA.gemm(a, false, b, false, out);
                assertArrayEquals(LA.gemm(a, false, b, false).data(), out.data(), 1e-5f, "m = " + m);
            }
        }
    }

    @Test
    void aWrongOutputShapeOrAnAliasedOutputIsAClearError() {
        FloatMatrix a = random(1, 3, 4);
        FloatMatrix b = random(2, 4, 2);
        VivariumException shape = assertThrows(VivariumException.class,
                () -> LA.gemm(a, false, b, false, new FloatMatrix(2, 3, new float[6])));
        assertEquals("the product is 3 x 2 but the output matrix is 2 x 3", shape.problem());
        VivariumException inner = assertThrows(VivariumException.class,
                () -> LA.gemm(a, true, b, false, new FloatMatrix(4, 2, new float[8])));
        assertEquals("cannot multiply a 4 x 3 matrix by a 4 x 2 one", inner.problem());
        FloatMatrix sq = random(3, 2, 2);
        assertThrows(VivariumException.class, () -> LA.gemm(sq, false, random(4, 2, 2), false, sq));
    }
}
