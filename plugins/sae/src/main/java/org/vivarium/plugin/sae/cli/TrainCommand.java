package org.vivarium.plugin.sae.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.CachedHook;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.plugin.sae.data.CacheRowSource;
import org.vivarium.plugin.sae.io.SaeFiles;
import org.vivarium.plugin.sae.io.SaeInfo;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.train.EvalMetrics;
import org.vivarium.plugin.sae.train.SaeConfig;
import org.vivarium.plugin.sae.train.SaeTrainer;
import org.vivarium.plugin.sae.train.TrainResult;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * {@code viv sae train}: streams one hook of a cached run from the activation cache, trains a ReLU+L1 or
 * TopK sparse autoencoder on all but the last {@code --holdout} of its sequences, evaluates it on those,
 * and writes the weights ({@code .npy}), {@code sae.json}, the loss curve and a summary.
 */
public final class TrainCommand implements MethodCommand {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return TrainOptions.USAGE.substring("viv sae train ".length());
    }

    @Override
    public String summary() {
        return "train a sparse autoencoder (ReLU+L1 or TopK) on one hook of a cached run, streaming from the cache";
    }

    @Override
    public List<CommandOption> options() {
        return TrainOptions.KNOWN;
    }

    @Override
    public int run(CommandInput args, MethodContext ctx) {
        TrainOptions o = TrainOptions.parse(args, ctx.workDir(), ctx.linearAlgebra().threads());
        PrintStream out = ctx.out();
        try (ActivationCache cache = ctx.openCache(o.store())) {
            CacheRun run = CacheRuns.run(cache, o.run(), o.store().toString());
            CachedHook hook = CacheRuns.hook(run, o.hook());
            // a run that does not record its prompt count is read whole, with no held-out part
            int seqs = run.promptCount() > 0 ? run.promptCount() : Integer.MAX_VALUE;
            int held = o.holdout() > 0 && seqs >= 10 && seqs < Integer.MAX_VALUE
                    ? Math.max(1, (int) Math.round(seqs * o.holdout())) : 0;
            int trainTo = seqs - held;
            try (CacheRowSource train = new CacheRowSource(cache, run.id(), hook.name(), 0, trainTo);
                    CacheRowSource eval = held > 0 ? new CacheRowSource(cache, run.id(), hook.name(), trainTo, seqs)
                            : null) {
                long steps = o.steps() > 0 ? o.steps() : Math.max(1, (long) Math.ceil(o.epochs() * train.rows()
                        / o.batch()));
                int resample = o.resampleEvery() >= 0 ? o.resampleEvery() : (int) Math.max(1, steps / 8);
                SaeConfig cfg = new SaeConfig(o.kind(), o.latents(), o.k(), o.l1(), o.lr(), o.batch(), steps, o.seed(),
                        resample, o.threads(), o.shuffle());
                out.printf("training a %s SAE with %,d latents on %s (d_in %d) of run %s: %,d rows from sequences "
                        + "[0, %d), %,d held-out rows from [%d, %d)%n", o.kind().label(), o.latents(), hook.name(),
                        hook.width(), run.id(), train.rows(), trainTo, eval == null ? 0 : eval.rows(), trainTo, seqs);
                out.printf("%,d steps x %d rows = %,d tokens (%.2f passes), %d thread(s), %s%n", steps, o.batch(),
                        steps * o.batch(), (double) steps * o.batch() / train.rows(), o.threads(),
                        o.kind() == SaeKind.TOPK ? "k=" + o.k() : "l1=" + o.l1());
                WorkerThreads.note(o.threads(), ctx.linearAlgebra().threads(),
                        Runtime.getRuntime().availableProcessors()).ifPresent(out::println);
                TrainResult r;
                try (Progress p = ctx.progress("sae train", steps * o.batch(), "tok")) {
                    r = new SaeTrainer(cfg, ctx.linearAlgebra()).train(train, eval, null, p);
                }
                out.printf("input scaling: x * %.5g (mean ||x||^2 = %.4g over %,d rows, scaled to d_in = %d); b_dec "
                        + "started at the data mean%n", r.scale(), r.stats().meanSquaredNorm(), r.stats().rows(),
                        hook.width());
                write(o, run, hook, cfg, r, trainTo, seqs, ctx.linearAlgebra());
                report(out, o, r);
            }
        }
        return 0;
    }

    private static void write(TrainOptions o, CacheRun run, CachedHook hook, SaeConfig cfg, TrainResult r,
            int trainTo, int seqs, LinearAlgebra la) {
        EvalMetrics m = r.metrics();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("explained_variance", m.explainedVariance());
        metrics.put("mse", m.mse());
        metrics.put("l0", m.meanL0());
        metrics.put("dead_fraction", m.deadFraction());
        metrics.put("eval_rows", (double) m.rows());
        metrics.put("tokens", (double) r.tokens());
        metrics.put("train_seconds", r.seconds());
        metrics.put("tokens_per_second", r.tokensPerSecond());
        metrics.put("resampled", (double) r.resampled());
        String dataHash = run.provenance() == null ? "" : run.provenance().dataHash();
        SaeInfo.DataSource src = new SaeInfo.DataSource(o.store().toString(), run.id(), run.modelName(),
                run.checkpointHash(), run.promptSetHash(), dataHash, new int[] {0, trainTo},
                trainTo < seqs ? new int[] {trainTo, seqs} : new int[] {0, trainTo});
        SaeInfo info = new SaeInfo(cfg, hook.width(), hook.name(), new HookName(hook.name()).layer(), src, r.scale(),
                metrics, Instant.now().toString());
        SaeFiles.save(o.out(), r.foldedWeights(), info, la);
        r.log().write(o.out());
        StringBuilder md = new StringBuilder("# SAE " + o.out().getFileName() + "\n\n");
        md.append(MarkdownTable.of(table(r)).render()).append("\n![loss](loss.png)\n\n![L0](l0.png)\n");
        org.vivarium.report.io.AtomicText.write(o.out().resolve("report.md"), md.toString());
    }

    private static Table table(TrainResult r) {
        EvalMetrics m = r.metrics();
        return Table.of("metric", "value")
                .row("explained variance (held out)", String.format("%.4f", m.explainedVariance()))
                .row("MSE per dim (scaled inputs)", String.format("%.5f", m.mse()))
                .row("mean L0", String.format("%.2f", m.meanL0()))
                .row("dead latents", String.format("%d / %d (%.1f%%)", m.dead(), m.fireCounts().length,
                        100 * m.deadFraction()))
                .row("evaluated rows", String.format("%,d", m.rows()))
                .row("resampled latents", String.format("%,d", r.resampled()))
                .row("training tokens/s", String.format("%,.0f", r.tokensPerSecond()));
    }

    private static void report(PrintStream out, TrainOptions o, TrainResult r) {
        out.print(MarkdownTable.of(table(r)).render());
        out.printf("MSE-vs-L0 point: L0 %.2f, MSE %.5f (explained variance %.4f)%n", r.metrics().meanL0(),
                r.metrics().mse(), r.metrics().explainedVariance());
        out.println("wrote " + o.out() + " (W_enc.npy, b_enc.npy, W_dec.npy, b_dec.npy, sae.json, loss.csv, loss.png, "
                + "l0.png, report.md)");
    }
}
