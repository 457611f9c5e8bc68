import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.vivarium.plugin.sae.math.TopK;
import org.vivarium.plugin.sae.math.Vec;

/**
 * How fast could the SAE's sparse pass be with SIMD the JIT does not give us? Times, on one core, the Java parts of a
 * TopK SAE training step as {@code plugins/sae} runs them (TopK, decoding, the latent-major backward pass, Adam)
 * twice: with the trainer's own kernels ({@link Vec}, HotSpot's auto-vectorisation; {@code dot} is a 4-way scalar
 * reduction) and with the same loops written with the JDK 17 incubator Vector API (fused multiply-add over full
 * 512-bit vectors, a vector {@code dot}). TopK is the plugin's own in both. Not part of the build: run with
 *
 * <pre>
 * mvn -B -ntp -q -pl plugins/sae -am -DskipTests compile
 * java --add-modules jdk.incubator.vector -cp plugins/sae/target/classes bench/sae/SparseKernels.java [batch] [steps]
 * </pre>
 *
 * Shapes as {@code viv sae bench}: d_in 128, 1,024 latents, k 32. Inputs are seeded Gaussian rows; the pre-activations
 * are Gaussian too, so TopK's time is indicative only. Prints milliseconds per step for each phase and variant.
 */
public final class SparseKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int N = 1024;
    private static final int D = 128;
    private static final int K = 32;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private SparseKernels() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        System.out.printf("batch %d, d_in %d, %d latents, k %d, %d steps (the second half timed), %d float lanes%n",
                batch, D, N, K, steps, S.length());
        for (String variant : new String[] {"trainer", "vector", "trainer", "vector"}) {
            double[] ms = run(variant.equals("vector"), batch, steps);
            System.out.printf("%-8s ms per step: TopK %.3f  decode %.3f  backward %.3f  Adam %.3f  total %.3f%n",
                    variant, ms[0], ms[1], ms[2], ms[3], ms[0] + ms[1] + ms[2] + ms[3]);
        }
    }

    private static double[] run(boolean vector, int b, int steps) {
        SplittableRandom random = new SplittableRandom(7);
        float[] pre = new float[b * N];
        for (int i = 0; i < pre.length; i++) {
            pre[i] = (float) gaussian(random);
        }
        float[][] wDec = rows(N, 0.1, random);
        float[][] wEncT = rows(N, 0.1, random);
        float[][] x = rows(b, 1, random);
        float[][] gDec = new float[N][D];
        float[][] gEnc = new float[N][D];
        float[][][] moments = {new float[N][D], new float[N][D], new float[N][D], new float[N][D]};
        float[][] g = new float[b][D];
        float[][] xc = new float[b][D];
        float[] bDec = new float[D];
        float[] xHat = new float[D];
        TopK topK = new TopK(N, K);
        int[] idx = new int[N];
        float[] val = new float[N];
        int[] activeIdx = new int[b * K];
        float[] activeVal = new float[b * K];
        int[] rowStart = new int[b + 1];
        int[] latentStart = new int[N + 1];
        int[] firedRow = new int[b * K];
        float[] firedVal = new float[b * K];
        long[] nanos = new long[4];
        for (int step = 0; step < steps; step++) {
            long t0 = System.nanoTime();
            int at = 0;
            for (int r = 0; r < b; r++) {
                int active = topK.select(pre, r * N, idx, val);
                rowStart[r] = at;
                System.arraycopy(idx, 0, activeIdx, at, active);
                System.arraycopy(val, 0, activeVal, at, active);
                at += active;
            }
            rowStart[b] = at;
            long t1 = System.nanoTime();
            for (int r = 0; r < b; r++) {
                System.arraycopy(bDec, 0, xHat, 0, D);
                for (int a = rowStart[r]; a < rowStart[r + 1]; a++) {
                    axpy(vector, activeVal[a], wDec[activeIdx[a]], xHat);
                }
                for (int j = 0; j < D; j++) {
                    g[r][j] = (xHat[j] - x[r][j]) * 1e-4f;
                    xc[r][j] = x[r][j] - bDec[j];
                }
            }
            long t2 = System.nanoTime();
            Arrays.fill(latentStart, 0);
            for (int a = 0; a < at; a++) {
                latentStart[activeIdx[a] + 1]++;
            }
            for (int i = 0; i < N; i++) {
                latentStart[i + 1] += latentStart[i];
            }
            for (int r = 0; r < b; r++) {
                for (int a = rowStart[r]; a < rowStart[r + 1]; a++) {
                    int slot = latentStart[activeIdx[a]]++;
                    firedRow[slot] = r;
                    firedVal[slot] = activeVal[a];
                }
            }
            int start = 0;
            for (int i = 0; i < N; i++) {
                int end = latentStart[i];
                if (end > start) {
                    Arrays.fill(gDec[i], 0f);
                    Arrays.fill(gEnc[i], 0f);
                    for (int s = start; s < end; s++) {
                        float[] gr = g[firedRow[s]];
                        axpy(vector, firedVal[s], gr, gDec[i]);
                        float dPre = vector ? dotVector(gr, wDec[i]) : Vec.dot(gr, wDec[i]);
                        axpy(vector, dPre, xc[firedRow[s]], gEnc[i]);
                    }
                }
                start = end;
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                adam(vector, wDec[i], gDec[i], moments[0][i], moments[1][i]);
                adam(vector, wEncT[i], gEnc[i], moments[2][i], moments[3][i]);
            }
            long t4 = System.nanoTime();
            if (step >= steps / 2) {
                nanos[0] += t1 - t0;
                nanos[1] += t2 - t1;
                nanos[2] += t3 - t2;
                nanos[3] += t4 - t3;
            }
        }
        double timed = steps - steps / 2;
        return new double[] {nanos[0] / timed / 1e6, nanos[1] / timed / 1e6, nanos[2] / timed / 1e6,
            nanos[3] / timed / 1e6};
    }

    private static void axpy(boolean vector, float a, float[] x, float[] y) {
        if (!vector) {
            Vec.axpy(a, x, y);
            return;
        }
        FloatVector av = FloatVector.broadcast(S, a);
        for (int j = 0; j < y.length; j += S.length()) {
            FloatVector.fromArray(S, x, j).fma(av, FloatVector.fromArray(S, y, j)).intoArray(y, j);
        }
    }

    private static float dotVector(float[] x, float[] y) {
        FloatVector acc = FloatVector.zero(S);
        for (int j = 0; j < x.length; j += S.length()) {
            acc = FloatVector.fromArray(S, x, j).fma(FloatVector.fromArray(S, y, j), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** The trainer's Adam update (SaeOptimizer.adam) with a fixed step: lr 1e-6, bias corrections 0.5. */
    private static void adam(boolean vector, float[] p, float[] g, float[] m, float[] v) {
        float lr = 1e-6f;
        float bc1 = 0.5f;
        float bc2 = 0.5f;
        if (!vector) {
            for (int j = 0; j < p.length; j++) {
                float gj = g[j];
                m[j] = BETA1 * m[j] + (1 - BETA1) * gj;
                v[j] = BETA2 * v[j] + (1 - BETA2) * gj * gj;
                p[j] -= lr * (m[j] / bc1) / ((float) Math.sqrt(v[j] / bc2) + EPS);
            }
            return;
        }
        for (int j = 0; j < p.length; j += S.length()) {
            FloatVector gj = FloatVector.fromArray(S, g, j);
            FloatVector mj = FloatVector.fromArray(S, m, j).mul(BETA1).add(gj.mul(1 - BETA1));
            FloatVector vj = FloatVector.fromArray(S, v, j).mul(BETA2).add(gj.mul(gj).mul(1 - BETA2));
            mj.intoArray(m, j);
            vj.intoArray(v, j);
            FloatVector.fromArray(S, p, j).sub(mj.div(bc1).mul(lr).div(vj.div(bc2).sqrt().add(EPS))).intoArray(p, j);
        }
    }

    private static float[][] rows(int count, double scale, SplittableRandom random) {
        float[][] out = new float[count][D];
        for (float[] row : out) {
            for (int j = 0; j < D; j++) {
                row[j] = (float) (scale * gaussian(random));
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double w = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
    }
}
