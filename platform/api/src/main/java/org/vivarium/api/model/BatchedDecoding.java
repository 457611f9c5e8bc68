package org.vivarium.api.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;

/**
 * Decodes many prompts with several rows per forward pass; the algorithm behind
 * {@link Model#generateAll}.
 *
 * <p>Prompts are sorted by length and cut into batches of at most {@link #MAX_ROWS} rows (fewer when the
 * batch's logits would exceed {@link #LOGIT_BUDGET} floats). Each batch is right-padded to a common width
 * and advanced one token per {@link Model#run}. Attention is causal and positions are absolute, so a row's
 * logits at its own last token do not depend on the padding after it, or on the other rows: each row
 * continues as it would alone (up to floating-point rounding of batched kernels).
 *
 * <p>A batch goes one prompt at a time through {@link Model#generate} instead when its longest prompt plus
 * the new tokens exceeds {@code n_ctx} (generation must slide the window), or when a hook's effect depends on
 * the batch or the padding: a hook restricted to positions, a mean ablation, a replacement, or user code
 * ({@link HookOp.Apply}) unless it was declared per position ({@link Hook#applyPerPosition}). Additions,
 * projections, zero ablations and per-position user code at every position batch safely.
 *
 * <p>Decoding is greedy when {@code temperature == 0}. Otherwise the next token is sampled from
 * {@code softmax(logits / temperature)} restricted to the {@code topK} most likely tokens (all if 0), with one
 * random stream per prompt, seeded with {@link #rowSeed(long, int) rowSeed(options.seed(), i)} for the
 * prompt at index {@code i}. A prompt's continuation therefore depends only on the seed and its index, not
 * on which prompts share its batch. The batched path samples as the platform runtime's {@link Model#generate}
 * does with that row seed (one {@link SplittableRandom} draw per step), so both paths agree.
 *
 * <pre>{@code
 * List<int[]> prompts = texts.stream().map(t -> model.tokenizer().encode(t)).toList();
 * List<int[]> answers = model.generateAll(prompts, new GenerationOptions(24, 0.7f, 20, 1L), List.of());
 * String first = model.tokenizer().decode(answers.get(0));
 * }</pre>
 */
public final class BatchedDecoding {
    /** At most this many prompts share one forward pass. */
    public static final int MAX_ROWS = 32;
    /** At most this many logits ({@code rows x width x d_vocab}) are produced by one forward pass. */
    public static final long LOGIT_BUDGET = 1L << 24;

    private BatchedDecoding() {
    }

    /**
     * Continues every prompt.
     *
     * @param model the model
     * @param prompts token ids, each non-empty
     * @param options length, temperature, top-k and seed
     * @param hooks hooks applied at every forward pass
     * @return each prompt's new tokens ({@code options.maxNewTokens()} each), in prompt order
     * @throws VivariumException if a prompt is empty
     */
    public static List<int[]> generate(Model model, List<int[]> prompts, GenerationOptions options,
            List<Hook> hooks) {
        int n = prompts.size();
        for (int i = 0; i < n; i++) {
            if (prompts.get(i).length == 0) {
                throw new VivariumException("prompt " + i + " of " + n + " is empty",
                        "give every prompt at least one token to continue");
            }
        }
        int[][] out = new int[n][];
        int maxNew = options.maxNewTokens();
        if (maxNew == 0) {
            Arrays.setAll(out, i -> new int[0]);
            return List.of(out);
        }
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingInt(i -> prompts.get(i).length))
                .mapToInt(Integer::intValue).toArray();
        boolean batchable = hooks.stream().allMatch(BatchedDecoding::batchSafe);
        int from = 0;
        while (from < n) {
            int rows = rowsFrom(model.config(), prompts, order, from, maxNew);
            int[] chunk = Arrays.copyOfRange(order, from, from + rows);
            int longest = prompts.get(chunk[rows - 1]).length;
            if (batchable && longest + maxNew <= model.config().nCtx()) {
                decodeBatch(model, prompts, chunk, options, hooks, out);
            } else {
                for (int i : chunk) {
                    out[i] = alone(model, prompts.get(i), options, i, hooks);
                }
            }
            from += rows;
        }
        return List.of(out);
    }

    /**
     * The seed of prompt {@code row}'s random stream: a SplitMix64 mix of the two, so neighbouring rows get
     * unrelated streams.
     *
     * @param seed the decoding seed ({@link GenerationOptions#seed()})
     * @param row the prompt's index in the list passed to {@link Model#generateAll}
     * @return the row's seed
     */
    public static long rowSeed(long seed, int row) {
        long z = seed + (row + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns whether a hook acts on each row and position independently, so batching cannot change it.
     *
     * @param hook the hook
     * @return true for additions, projections and zero ablations at every position
     */
    static boolean batchSafe(Hook hook) {
        if (hook.positions() != null) {
            return false;
        }
        HookOp op = hook.op();
        return op instanceof HookOp.Add || op instanceof HookOp.ProjectOut
                || op instanceof HookOp.Ablate a && a.mode() == AblationMode.ZERO
                || op instanceof HookOp.Apply ap && ap.perPosition();
    }

    private static int rowsFrom(ModelConfig cfg, List<int[]> prompts, int[] order, int from, int maxNew) {
        int rows = Math.min(MAX_ROWS, order.length - from);
        while (rows > 1 && (long) rows * (prompts.get(order[from + rows - 1]).length + maxNew) * cfg.dVocab()
                > LOGIT_BUDGET) {
            rows--;
        }
        return rows;
    }

    private static int[] alone(Model model, int[] prompt, GenerationOptions options, int row, List<Hook> hooks) {
        GenerationOptions own = new GenerationOptions(options.maxNewTokens(), options.temperature(), options.topK(),
                rowSeed(options.seed(), row));
        int[] all = model.generate(prompt, own, hooks);
        return Arrays.copyOfRange(all, prompt.length, all.length);
    }

    private static void decodeBatch(Model model, List<int[]> prompts, int[] chunk, GenerationOptions options,
            List<Hook> hooks, int[][] out) {
        int b = chunk.length;
        int maxNew = options.maxNewTokens();
        int[] len = new int[b];
        SplittableRandom[] rnd = new SplittableRandom[b];
        List<int[]> seq = new ArrayList<>(b);
        for (int k = 0; k < b; k++) {
            int[] p = prompts.get(chunk[k]);
            len[k] = p.length;
            seq.add(Arrays.copyOf(p, p.length + maxNew));
            rnd[k] = new SplittableRandom(rowSeed(options.seed(), chunk[k]));
            out[chunk[k]] = new int[maxNew];
        }
        for (int step = 0; step < maxNew; step++) {
            int width = Arrays.stream(len).max().orElseThrow();
            int[][] window = new int[b][];
            for (int k = 0; k < b; k++) {
                window[k] = Arrays.copyOf(seq.get(k), width);
            }
            Tensor logits = model.run(window, hooks, HookFilter.NONE).logits();
            for (int k = 0; k < b; k++) {
                int next = pick(logits.row(k, len[k] - 1), options, rnd[k]);
                seq.get(k)[len[k]++] = next;
                out[chunk[k]][step] = next;
            }
        }
    }

    /**
     * Picks the next token: the arg-max when greedy, else a temperature and top-k sample (ties at the top-k
     * cut-off are kept). The platform's one next-token rule: {@link Model#generate} implementations use it too,
     * so batched and one-at-a-time decoding agree for a seed.
     *
     * @param logits one position's logits
     * @param options temperature and top-k
     * @param rnd the row's random stream (one draw per sampled token)
     * @return the token id
     */
    public static int pick(float[] logits, GenerationOptions options, SplittableRandom rnd) {
        float temperature = options.temperature();
        if (temperature == 0f) {
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        }
        float cutoff = Float.NEGATIVE_INFINITY;
        int topK = options.topK();
        if (topK > 0 && topK < logits.length) {
            float[] sorted = logits.clone();
            Arrays.sort(sorted);
            cutoff = sorted[sorted.length - topK];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = logits[i] < cutoff ? 0 : Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        double u = rnd.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u <= 0) {
                return i;
            }
        }
        return p.length - 1;
    }
}
