package org.vivarium.plugin.sae.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.CachedHook;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.sae.dash.Dashboards;
import org.vivarium.plugin.sae.data.CacheRowSource;
import org.vivarium.plugin.sae.io.SaeFiles;
import org.vivarium.plugin.sae.io.SaeInfo;
import org.vivarium.plugin.sae.math.Workers;

/**
 * {@code viv sae dashboards}: for every latent of a trained SAE, scans the cached run for its top-k
 * activating contexts (text from the tokens the cache stores with the run: no prompt file, no tokenizer), its
 * activation histogram and, when the checkpoint is at hand, its promoted and suppressed output tokens (decoder
 * direction through the final LayerNorm gain and {@code W_U}); writes {@code index.html}, one page per latent and {@code dashboards.json}; and publishes the
 * contexts to the context index.
 */
public final class DashboardsCommand implements MethodCommand {
    private final Supplier<Optional<ContextIndex>> index;

    /**
     * @param index supplies the host's context index, if it has one, when the command runs
     */
    public DashboardsCommand(Supplier<Optional<ContextIndex>> index) {
        this.index = index;
    }

    @Override
    public String name() {
        return "dashboards";
    }

    @Override
    public String usage() {
        return DashboardOptions.USAGE.substring("viv sae dashboards ".length());
    }

    @Override
    public String summary() {
        return "feature dashboards (top contexts, histogram, output tokens) for every latent, contexts into the index";
    }

    @Override
    public List<CommandOption> options() {
        return DashboardOptions.KNOWN;
    }

    @Override
    public int run(CommandInput args, MethodContext ctx) {
        long started = System.nanoTime();
        DashboardOptions o = DashboardOptions.parse(args, ctx.workDir());
        PrintStream out = ctx.out();
        SaeFiles.Loaded sae = SaeFiles.load(o.sae(), ctx.linearAlgebra());
        SaeInfo info = sae.info();
        Path store = o.storeFor(info, ctx.workDir());
        try (ActivationCache cache = ctx.openCache(store)) {
            CacheRun run = CacheRuns.run(cache, o.run() != null ? o.run() : info.data().run(), store.toString());
            CachedHook hook = CacheRuns.hook(run, info.hook());
            if (hook.width() != info.dIn()) {
                throw new VivariumException("hook " + hook.name() + " of run " + run.id() + " has width " + hook.width()
                        + " but the SAE reads " + info.dIn(), "pass the run the SAE was trained on");
            }
            if (o.prompts() != null) {
                out.println("note: --prompts is no longer needed and was not read; the tokens come from cache run "
                        + run.id());
            }
            List<TokenText> tokens = cache.tokens(run.id());
            Path ckpt = o.checkpointIfAny(run.modelName(), ctx.workDir());
            if (ckpt != null) {
                warnIfOtherCheckpoint(ckpt, run, out);
            }
            try (Model model = ckpt == null ? null : ctx.runtime().load(ckpt);
                    Workers workers = new Workers(o.threads());
                    CacheRowSource rows = new CacheRowSource(cache, run.id(), hook.name(), 0,
                            Math.max(run.promptCount(), tokens.size()))) {
                long t0 = System.nanoTime();
                Dashboards d = Dashboards.build(sae.sae(), info.featurePrefix(), rows, tokens,
                        model, o.settings(),
                        workers, ctx::progress);
                long t1 = System.nanoTime();
                String title = "SAE " + o.sae().getFileName() + " (" + info.config().kind().label() + ", "
                        + info.config().latents() + " latents) on " + hook.name() + " of " + run.id();
                d.write(o.out(), title, hook.name(), run.id());
                long t2 = System.nanoTime();
                d.publish(index.get(), run.modelName(), run.id(), hook.name(), info.layer(), o.index(), out);
                long t3 = System.nanoTime();
                out.printf("dashboards for %,d latents (%,d fired) over %,d tokens in %.1f s: statistics pass %.1f s,"
                        + " histogram+window pass %.1f s, cards %.1f s, HTML+JSON %.1f s, index %.1f s (total with "
                        + "loading %.1f s)%n", d.latents(), d.alive(), d.rows(), (t3 - t0) / 1e9, d.scanSeconds(),
                        d.secondPassSeconds(), (t1 - t0) / 1e9 - d.scanSeconds() - d.secondPassSeconds(),
                        (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - started) / 1e9);
                if (model == null) {
                    out.println("no output tokens: no checkpoint at runs/" + run.modelName() + " (pass --checkpoint CKPT"
                            + " for promoted and suppressed tokens; contexts need only the cache)");
                } else if (!d.withLogits()) {
                    out.println("no output tokens: the checkpoint has no unembed.W_U of width " + info.dIn());
                }
                out.println("wrote " + o.out().resolve("index.html") + " (+ latents/N.html, dashboards.json)");
            }
        }
        return 0;
    }

    private static void warnIfOtherCheckpoint(Path ckpt, CacheRun run, PrintStream out) {
        Path weights = ckpt.resolve("model.safetensors");
        if (run.checkpointHash().isEmpty() || !Files.isRegularFile(weights)) {
            return;
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(weights),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String hash = "sha256:" + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            if (!hash.equals(run.checkpointHash())) {
                out.println("warning: checkpoint " + ckpt + " is not the one run " + run.id() + " was cached with "
                        + "(weights hash differs); contexts use its tokenizer, output tokens its unembedding");
            }
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            out.println("warning: could not hash " + weights + ": " + e.getMessage());
        }
    }
}
