package org.vivarium.cache;

import java.nio.file.Path;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.tensor.Tensor;

/**
 * Child process of {@link CrashTest}: writes batches of deterministic rows and prints
 * {@code committed N} after each commit. With a pause batch {@code P > 0} it writes half of batch
 * {@code P} (past the write buffer, so uncommitted bytes reach the file), prints {@code half P} and
 * sleeps until killed.
 */
public final class CrashChild {
    static final int WIDTH = 128;
    static final int ROWS_PER_BATCH = 4096;
    static final int ROWS_PER_SEQ = 64;

    private CrashChild() {
    }

    /**
     * Runs the child.
     *
     * @param args cache directory, number of batches, pause batch (0 for none)
     * @throws InterruptedException never in practice
     */
    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        int batches = Integer.parseInt(args[1]);
        int pause = Integer.parseInt(args[2]);
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir);
                RunWriter w = cache.newRun(TestRows.spec("crash", CacheDtype.F32))) {
            for (int b = 1; b <= batches; b++) {
                int seqs = ROWS_PER_BATCH / ROWS_PER_SEQ;
                for (int s = 0; s < seqs; s++) {
                    int seq = (b - 1) * seqs + s;
                    w.append("h", seq, block(seq));
                    if (b == pause && s == seqs / 2) {
                        System.out.println("half " + b);
                        System.out.flush();
                        Thread.sleep(600_000);
                    }
                }
                w.commit();
                System.out.println("committed " + b);
                System.out.flush();
            }
            w.finish();
        }
    }

    static Tensor block(int seq) {
        float[] data = new float[ROWS_PER_SEQ * WIDTH];
        float[] row = new float[WIDTH];
        for (int p = 0; p < ROWS_PER_SEQ; p++) {
            TestRows.fill(0, seq, p, row);
            System.arraycopy(row, 0, data, p * WIDTH, WIDTH);
        }
        return Tensor.of(data, ROWS_PER_SEQ, WIDTH);
    }
}
