package org.vivarium.cache.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.RunSpec;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;

/**
 * Runs a model over a prompt set in batches and stores the selected hooks' activations as a cache
 * run, committing once per batch (a crash keeps every finished batch).
 *
 * <pre>{@code
 * CachingResult r = new ActivationCacher(cache).cache(model, prompts,
 *         HookFilter.glob("blocks.*.hook_resid_post"), 16, CachingOptions.of("induction-resid"), progress);
 * }</pre>
 *
 * <p>Prompt {@code i} becomes sequence {@code i}; its tokens (ids and display texts) are stored with the batch, so
 * readers need neither the prompt file nor the tokenizer ({@link ActivationCache#tokens}). A batch is up to {@code batchSize} consecutive
 * prompts of equal token length (the model needs rectangular input). Progress advances in tokens and
 * shows {@code tokens/s}. Hook shapes are mapped to rows as described in {@link HookRows}; tensors of
 * any other shape are skipped and reported in {@link CachingResult#skipped()}.
 */
public final class ActivationCacher {
    private final ActivationCache cache;

    /**
     * Creates a cacher writing into {@code cache}.
     *
     * @param cache the open cache
     */
    public ActivationCacher(ActivationCache cache) {
        this.cache = cache;
    }

    /**
     * Caches activations of {@code prompts}.
     *
     * @param model the model to run
     * @param prompts the prompt set, in sequence order
     * @param hooks which hook points to store
     * @param batchSize prompts per forward pass and per commit
     * @param options run id, dtype and recorded names
     * @param progress receives token counts and a tokens/s metric; not closed here
     * @return the stored run and what was skipped
     * @throws VivariumException for empty or over-long prompts, a filter that selects nothing, or a
     *     full cache (batches committed before stay)
     */
    public CachingResult cache(Model model, List<String> prompts, HookFilter hooks, int batchSize,
            CachingOptions options, Progress progress) {
        return cache(model, prompts, hooks, batchSize, options, total -> progress, false);
    }

    /**
     * Caches activations of {@code prompts}, opening the progress display only once the prompts are tokenized, so
     * that it knows the total number of tokens (a bar with a percentage and a time estimate).
     *
     * @param model the model to run
     * @param prompts the prompt set, in sequence order
     * @param hooks which hook points to store
     * @param batchSize prompts per forward pass and per commit
     * @param options run id, dtype and recorded names
     * @param progressForTotal opens the progress display for a total token count; the display is closed here
     * @return the stored run and what was skipped
     * @throws VivariumException as {@link #cache(Model, List, HookFilter, int, CachingOptions, Progress)}
     */
    public CachingResult cache(Model model, List<String> prompts, HookFilter hooks, int batchSize,
            CachingOptions options, java.util.function.LongFunction<Progress> progressForTotal) {
        return cache(model, prompts, hooks, batchSize, options, progressForTotal, true);
    }

    private CachingResult cache(Model model, List<String> prompts, HookFilter hooks, int batchSize,
            CachingOptions options, java.util.function.LongFunction<Progress> progressForTotal, boolean close) {
        if (batchSize <= 0) {
            throw new VivariumException("batch size " + batchSize + " must be > 0", "pass a positive --batch");
        }
        List<HookName> selected = model.hookNames().stream().filter(hooks).toList();
        if (selected.isEmpty()) {
            throw new VivariumException("the hook filter selects no hook point of this model",
                    "valid names are " + HookName.summarize(model.config()));
        }
        int[][] tokens = tokenize(model, prompts);
        long total = 0;
        for (int[] t : tokens) {
            total += t.length;
        }
        Progress progress = progressForTotal.apply(total);
        try {
            return cache(model, prompts, hooks, batchSize, options, tokens, selected, progress);
        } finally {
            if (close) {
                progress.close();
            }
        }
    }

    private CachingResult cache(Model model, List<String> prompts, HookFilter hooks, int batchSize,
            CachingOptions options, int[][] tokens, List<HookName> selected, Progress progress) {
        RunSpec spec = spec(model, prompts, selected, batchSize, options);
        Map<String, String> skipped = new LinkedHashMap<>();
        int nCtx = model.config().nCtx();
        long started = System.nanoTime();
        long done = 0;
        try (RunWriter w = cache.newRun(spec)) {
            int i = 0;
            while (i < tokens.length) {
                int len = tokens[i].length;
                int j = i;
                while (j < tokens.length && j - i < batchSize && tokens[j].length == len) {
                    j++;
                }
                int[][] batch = new int[j - i][];
                int[] seqs = new int[j - i];
                for (int k = i; k < j; k++) {
                    batch[k - i] = tokens[k];
                    seqs[k - i] = k;
                }
                RunResult r = model.runWithCache(batch, hooks);
                for (Map.Entry<String, Tensor> e : r.activations().asMap().entrySet()) {
                    store(w, new HookName(e.getKey()), e.getValue(), seqs, nCtx, skipped);
                }
                for (int k = 0; k < batch.length; k++) {
                    w.tokens(seqs[k], TokenText.of(model.tokenizer(), batch[k]));
                }
                w.commit();
                long n = (long) batch.length * len;
                done += n;
                progress.advance(n);
                double secs = (System.nanoTime() - started) / 1e9;
                progress.metric("tokens/s", secs > 0 ? done / secs : 0);
                i = j;
            }
            w.finish();
        }
        double secs = (System.nanoTime() - started) / 1e9;
        CacheRun run = cache.run(spec.id()).orElseThrow();
        return new CachingResult(run, done, secs, skipped);
    }

    private static void store(RunWriter w, HookName hook, Tensor t, int[] seqs, int nCtx,
            Map<String, String> skipped) {
        if (skipped.containsKey(hook.path())) {
            return;
        }
        String why = HookRows.unsupported(hook, t, nCtx);
        if (why != null) {
            skipped.put(hook.path(), why);
            return;
        }
        HookRows.append(w, hook, t, seqs, nCtx);
    }

    private static int[][] tokenize(Model model, List<String> prompts) {
        if (prompts.isEmpty()) {
            throw new VivariumException("the prompt set is empty", "give at least one prompt");
        }
        int nCtx = model.config().nCtx();
        int[][] out = new int[prompts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = model.tokenizer().encode(prompts.get(i));
            if (out[i].length == 0) {
                throw new VivariumException("prompt " + i + " is empty after tokenization", "remove it from the set");
            }
            if (out[i].length > nCtx) {
                throw new VivariumException("prompt " + i + " has " + out[i].length + " tokens, more than n_ctx="
                        + nCtx, "shorten or split it");
            }
        }
        return out;
    }

    private static RunSpec spec(Model model, List<String> prompts, List<HookName> selected, int batchSize,
            CachingOptions o) {
        Provenance mp = model.provenance();
        String modelName = !o.modelName().isEmpty() ? o.modelName() : mp == null ? "" : mp.recipe();
        String ckpt = !o.checkpointHash().isEmpty() ? o.checkpointHash() : WeightsHash.ofWeights(model.weights());
        String promptHash = WeightsHash.ofPrompts(prompts);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", modelName);
        settings.put("hooks", String.join(",", names(selected)));
        settings.put("batch_size", Integer.toString(batchSize));
        settings.put("dtype", o.dtype().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("prompt_count", Integer.toString(prompts.size()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Provenance p = new Provenance("cache-run", "cache/" + modelName, settings, mp == null ? 0 : mp.seed(),
                promptHash, org.vivarium.checkpoint.Provenances.codeVersion(), ckpt, Instant.now().toString(),
                env);
        return new RunSpec(o.runId(), modelName, ckpt, promptHash, prompts.size(), o.dtype(), p);
    }

    private static List<String> names(List<HookName> hooks) {
        List<String> out = new ArrayList<>();
        for (HookName h : hooks) {
            out.add(h.path());
        }
        return out;
    }
}
