package org.vivarium.launcher.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.model.DjlModel;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.DjlEngine;
import org.vivarium.runtime.train.Batch;
import org.vivarium.runtime.train.Trainer;
import org.vivarium.runtime.train.TrainerConfig;

/**
 * Training and forward throughput of the DJL transformer for a named configuration, measured after a
 * warm-up. The same configurations are in {@code bench/pytorch_eager.py} for the PyTorch comparison.
 *
 * <p>Deliberately below the API and beside the run's shared runtime: it measures the DJL runtime's own
 * {@link Trainer} and {@link DjlModel} (no checkpoint writing, no provenance) in a {@link DjlModelRuntime} of its
 * own, so the figures count only this benchmark's native memory and the runtime is freed when it ends.
 */
public final class ModelBenchmark {
    private ModelBenchmark() {
    }

    /**
     * A benchmark setting.
     *
     * @param name setting name
     * @param cfg architecture
     * @param batch sequences per step
     * @param seq tokens per sequence
     */
    public record Setting(String name, ModelConfig cfg, int batch, int seq) {
    }

    /**
     * Returns a named setting.
     *
     * @param name {@code induction}, {@code lm} or {@code medium}
     * @return the setting
     */
    public static Setting setting(String name) {
        switch (name) {
            case "induction":
                return new Setting(name, new ModelConfig(2, 64, 4, 16, 0, 48, 40, ActFn.GELU, true,
                        Normalization.PRE, Positional.LEARNED), 32, 40);
            case "lm":
                return new Setting(name, new ModelConfig(2, 128, 4, 32, 512, 96, 128, ActFn.GELU, false,
                        Normalization.PRE, Positional.LEARNED), 16, 128);
            case "medium":
                return new Setting(name, new ModelConfig(4, 256, 8, 32, 1024, 512, 256, ActFn.GELU, false,
                        Normalization.PRE, Positional.LEARNED), 8, 256);
            default:
                throw new org.vivarium.launcher.cli.UsageException("unknown benchmark config \"" + name + "\"",
                        "bench train|forward [--config induction|lm|medium] [--steps N]");
        }
    }

    /**
     * Measures training throughput.
     *
     * @param s setting
     * @param steps measured steps (after 10 warm-up steps)
     * @param out where to print
     * @return tokens per second
     */
    public static double train(Setting s, int steps, PrintStream out) {
        try (DjlModelRuntime rt = new DjlModelRuntime();
                ParameterStore p = ParameterStore.initialise(s.cfg(), 1, rt.manager())) {
            TrainerConfig tc = new TrainerConfig(steps + 10, s.batch(), 1e-3f, 0.1f, 1, 0.01f, 0.9f, 0.99f, 1e-8f,
                    1f, 1, 0);
            Trainer t = new Trainer(s.cfg(), tc, p);
            SplittableRandom r = new SplittableRandom(1);
            int[][] tokens = randomTokens(r, s);
            t.run(1, 10, new FixedBatches(tokens), (a, b, c, d, e) -> { }, null);
            long t0 = System.nanoTime();
            t.run(11, steps + 10, new FixedBatches(tokens), (a, b, c, d, e) -> { }, null);
            double secs = (System.nanoTime() - t0) / 1e9;
            double tps = (double) steps * s.batch() * s.seq() / secs;
            out.printf("train   %-9s %,d params  batch %d x %d  %d steps  %.2f s  %.1f steps/s  %,.0f tokens/s%n",
                    s.name(), s.cfg().parameterCount(), s.batch(), s.seq(), steps, secs, steps / secs, tps);
            return tps;
        }
    }

    /**
     * Measures forward (inference) throughput through the public Model API, without and with caching
     * every hook.
     *
     * @param s setting
     * @param passes measured passes (after 10 warm-up passes)
     * @param out where to print
     * @return tokens per second without caching
     */
    public static double forward(Setting s, int passes, PrintStream out) {
        try (DjlModelRuntime rt = new DjlModelRuntime()) {
            Provenance prov = new Provenance("checkpoint", "bench", java.util.Map.of(), 1, "", "bench", "", "", null);
            DjlModel m = new DjlModel(s.cfg(), ParameterStore.initialise(s.cfg(), 1, rt.manager()),
                    new SymbolTokenizer(s.cfg().dVocab()), prov);
            int[][] tokens = randomTokens(new SplittableRandom(2), s);
            double plain = time(m, tokens, passes, HookFilter.NONE);
            double cached = time(m, tokens, passes, HookFilter.glob("blocks.*.hook_resid_post"));
            out.printf("forward %-9s batch %d x %d  %d passes  %,.0f tokens/s  (%,.0f tokens/s caching every"
                    + " resid_post)%n", s.name(), s.batch(), s.seq(), passes, plain, cached);
            m.close();
            out.println("engine: " + DjlEngine.describe());
            return plain;
        }
    }

    private static double time(DjlModel m, int[][] tokens, int passes, HookFilter f) {
        for (int i = 0; i < 10; i++) {
            m.run(tokens, List.of(), f);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < passes; i++) {
            m.run(tokens, List.of(), f);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return (double) passes * tokens.length * tokens[0].length / secs;
    }

    private static int[][] randomTokens(SplittableRandom r, Setting s) {
        int[][] t = new int[s.batch()][s.seq()];
        for (int[] row : t) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextInt(s.cfg().dVocab());
            }
        }
        return t;
    }

    private record FixedBatches(int[][] tokens) implements org.vivarium.runtime.train.BatchSource {
        @Override
        public Batch batch(int step, int batchSize) {
            return Batch.of(tokens);
        }

        @Override
        public String dataHash() {
            return "bench";
        }
    }
}
