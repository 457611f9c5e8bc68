package org.vivarium.plugin.sae.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.CachedHook;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.sae.data.CacheRowSource;
import org.vivarium.plugin.sae.io.SaeFiles;
import org.vivarium.plugin.sae.io.SaeInfo;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.train.SaeConfig;
import org.vivarium.plugin.sae.transcoder.CeRecovered;
import org.vivarium.plugin.sae.transcoder.PairedRows;
import org.vivarium.plugin.sae.transcoder.Transcoder;
import org.vivarium.plugin.sae.transcoder.TranscoderEval;
import org.vivarium.plugin.sae.transcoder.TranscoderReport;
import org.vivarium.plugin.sae.transcoder.TranscoderSettings;
import org.vivarium.plugin.sae.transcoder.TranscoderTrainer;

/**
 * {@code viv sae transcoder}: trains a TopK MLP transcoder from {@code blocks.L.ln2.hook_normalized} to
 * {@code blocks.L.hook_mlp_out} of a cached run, evaluates its variance explained on the held-out sequences
 * and the cross-entropy loss recovered when it replaces the MLP on the held-out prompts, and saves it in the
 * SAE format (so {@code viv sae dashboards --sae DIR} builds its dashboards and puts its contexts in the
 * index as {@code transcoder/L<layer>/<latent>}).
 */
public final class TranscoderCommand implements MethodCommand {

    @Override
    public String name() {
        return "transcoder";
    }

    @Override
    public String usage() {
        return TranscoderOptions.USAGE.substring("viv sae transcoder ".length());
    }

    @Override
    public String summary() {
        return "train an MLP transcoder (ln2.hook_normalized -> hook_mlp_out) on a cached run; variance explained"
                + " and CE loss recovered when it replaces the MLP";
    }

    @Override
    public List<CommandOption> options() {
        return TranscoderOptions.KNOWN;
    }

    @Override
    public int run(CommandInput args, MethodContext ctx) {
        TranscoderOptions o = TranscoderOptions.parse(args, ctx.workDir());
        PrintStream out = ctx.out();
        String inHook = HookName.block(o.layer(), "ln2.hook_normalized").path();
        String outHook = HookName.mlpOut(o.layer()).path();
        try (ActivationCache cache = ctx.openCache(o.store())) {
            CacheRun run = CacheRuns.run(cache, o.run(), o.store().toString());
            CachedHook in = CacheRuns.hook(run, inHook);
            CacheRuns.hook(run, outHook);
            if (o.prompts() != null) {
                out.println("note: --prompts is no longer needed and was not read; the held-out tokens come from cache"
                        + " run " + run.id());
            }
            List<TokenText> tokens = cache.tokens(run.id());
            int seqs = tokens.size();
            int held = Math.max(1, (int) Math.round(seqs * o.holdout()));
            int trainTo = seqs - held;
            if (trainTo < 1) {
                throw new VivariumException("run " + run.id() + " has only " + seqs + " sequences",
                        "cache more prompts (at least 2)");
            }
            TranscoderSettings s = o.settings();
            out.printf("training a TopK transcoder (%d latents, k %d) %s -> %s of run %s: sequences [0, %d), held out"
                    + " [%d, %d); %,d steps x %d%n", s.latents(), s.k(), inHook, outHook, run.id(), trainTo, trainTo,
                    seqs, s.steps(), s.batch());
            long t0 = System.nanoTime();
            Transcoder t;
            try (PairedRows train = pairs(cache, run, inHook, outHook, 0, trainTo);
                    Progress p = ctx.progress("sae transcoder", s.steps() * s.batch(), "rows")) {
                t = new TranscoderTrainer(s).train(train, p);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            TranscoderEval eval;
            try (PairedRows heldOut = pairs(cache, run, inHook, outHook, trainTo, seqs)) {
                eval = TranscoderEval.of(t, heldOut);
            }
            CeRecovered ce;
            try (Model model = ctx.runtime().load(o.checkpoint())) {
                if (model.config().dModel() != in.width()) {
                    throw new VivariumException("checkpoint " + o.checkpoint() + " has d_model "
                            + model.config().dModel() + " but run " + run.id() + " caches width " + in.width(),
                            "pass the checkpoint the run was cached from");
                }
                ce = CeRecovered.measure(model, heldOutTokens(model, tokens, trainTo, o.cePrompts()),
                        o.layer(), t);
            }
            TranscoderReport report = new TranscoderReport(run.id(), inHook, outHook, s, eval, ce, seconds);
            save(o, run, in, t, report, trainTo, seqs, ctx.linearAlgebra());
            out.print(report.markdown());
            out.println("wrote " + o.out() + " (W_enc.npy, b_enc.npy, W_dec.npy, b_dec.npy, sae.json, transcoder.json,"
                    + " report.md); dashboards: viv sae dashboards --sae " + o.out());
        }
        return 0;
    }

    private static PairedRows pairs(ActivationCache cache, CacheRun run, String in, String out, int from, int to) {
        return new PairedRows(new CacheRowSource(cache, run.id(), in, from, to),
                new CacheRowSource(cache, run.id(), out, from, to));
    }

    private static List<int[]> heldOutTokens(Model model, List<TokenText> tokens, int from, int max) {
        int nCtx = model.config().nCtx();
        List<int[]> out = new ArrayList<>();
        for (int i = from; i < tokens.size() && out.size() < max; i++) {
            int[] ids = tokens.get(i).ids();
            if (ids.length >= 2) {
                out.add(Arrays.copyOf(ids, Math.min(ids.length, nCtx)));
            }
        }
        if (out.isEmpty()) {
            throw new VivariumException("no held-out prompt has 2 or more tokens", "cache longer prompts");
        }
        return out;
    }

    private static void save(TranscoderOptions o, CacheRun run, CachedHook in, Transcoder t, TranscoderReport r,
            int trainTo, int seqs, LinearAlgebra linearAlgebra) {
        TranscoderSettings s = o.settings();
        SaeConfig cfg = new SaeConfig(SaeKind.TOPK, s.latents(), s.k(), 0, s.lr(), s.batch(), s.steps(), s.seed(), 0,
                1, s.shuffleRows());
        Map<String, Double> metrics = new LinkedHashMap<>(r.metrics());
        String dataHash = run.provenance() == null ? "" : run.provenance().dataHash();
        SaeInfo.DataSource src = new SaeInfo.DataSource(o.store().toString(), run.id(), run.modelName(),
                run.checkpointHash(), run.promptSetHash(), dataHash, new int[] {0, trainTo}, new int[] {trainTo, seqs});
        SaeFiles.save(o.out(), t.asSaeWeights(), new SaeInfo(cfg, in.width(), in.name(), o.layer(), src, 1f, metrics,
                Instant.now().toString()), linearAlgebra);
        r.write(o.out());
    }
}
