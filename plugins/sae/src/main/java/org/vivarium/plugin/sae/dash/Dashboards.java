package org.vivarium.plugin.sae.dash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vivarium.api.context.ContextExtractor;
import org.vivarium.api.context.ContextWindow;
import org.vivarium.api.context.Firing;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.sae.data.RowSource;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Workers;

/**
 * Builds the dashboards of every latent of an SAE from a cached run.
 *
 * <pre>{@code
 * Dashboards d = Dashboards.build(sae, "sae/L1", rows, cache.tokens(run), model,
 *         Dashboards.Settings.defaults(), workers, ctx::progress);
 * d.write(outDir, "SAE lm-relu on blocks.1.hook_resid_post");
 * d.publish(index, "lm", "lm-text", "blocks.1.hook_resid_post", 1, ContextPublisher.Mode.AUTO, out);
 * }</pre>
 */
public final class Dashboards {
    /** Starts a progress display, e.g. {@code MethodContext::progress}. */
    public interface Progresses {
        /**
         * @param label what runs
         * @param total units
         * @param unit unit name
         * @return the display
         */
        Progress start(String label, long total, String unit);
    }

    /**
     * How the dashboards are built.
     *
     * @param top contexts per latent
     * @param left tokens shown before the firing token
     * @param right tokens shown after it
     * @param bins histogram bins
     * @param outputTokens promoted and suppressed tokens listed
     */
    public record Settings(int top, int left, int right, int bins, int outputTokens) {
        /** @return 20 contexts, 32 tokens before and 8 after, 30 bins, 10 output tokens */
        public static Settings defaults() {
            return new Settings(20, 32, 8, 30, 10);
        }
    }

    private final List<LatentCard> cards;
    private final long rows;
    private final double scanSeconds;
    private final double secondPassSeconds;
    private final boolean withLogits;

    private Dashboards(List<LatentCard> cards, long rows, double scanSeconds, double secondPassSeconds,
            boolean withLogits) {
        this.cards = cards;
        this.rows = rows;
        this.scanSeconds = scanSeconds;
        this.secondPassSeconds = secondPassSeconds;
        this.withLogits = withLogits;
    }

    /**
     * Scans the rows twice and assembles every latent's card.
     *
     * @param sae the SAE on raw activations
     * @param featurePrefix feature-id prefix, e.g. {@code sae/L1}
     * @param rows the cached rows (with sequence and position)
     * @param tokens the run's tokens per sequence, as the cache stores them
     * @param model the model, for the output side (its unembedding, final norm and tokenizer); null to skip it
     * @param settings sizes
     * @param workers the thread pool
     * @param progress starts progress displays
     * @return the dashboards
     */
    public static Dashboards build(SparseAutoencoder sae, String featurePrefix, RowSource rows,
            List<TokenText> tokens, Model model, Settings settings, Workers workers,
            Progresses progress) {
        int latents = sae.weights().latents();
        LatentScan scan = new LatentScan(sae, workers);
        long t0 = System.nanoTime();
        try (Progress p = progress.start("latent statistics", rows.rows(), "tok")) {
            scan.statistics(rows, settings.top(), p);
        }
        long t1 = System.nanoTime();
        ContextExtractor extractor = new ContextExtractor(settings.left(), settings.right());
        LatentScan.Windows windows = new LatentScan.Windows(latents, tokens.size());
        List<List<ContextWindow>> best = new ArrayList<>(latents);
        for (int i = 0; i < latents; i++) {
            List<Firing> b = scan.top.best(i);
            List<ContextWindow> w = extractor.windows(tokens, b);
            best.add(w);
            windows.request(i, b.size());
            for (int c = 0; c < b.size(); c++) {
                windows.request(i, c, b.get(c).seq(), w.get(c).from(), w.get(c).from() + w.get(c).length());
            }
        }
        try (Progress p = progress.start("histograms and context windows", rows.rows(), "tok")) {
            scan.histograms(rows, settings.bins(), windows, p);
        }
        long t2 = System.nanoTime();
        LogitLens lens = model == null ? null
                : LogitLens.of(model.weights(), model.config().options().rmsNorm(), model.tokenizer());
        if (lens != null && lens.dModel() != sae.weights().dIn()) {
            lens = null;
        }
        List<LatentCard> cards = new ArrayList<>(latents);
        for (int i = 0; i < latents; i++) {
            List<ContextView> views = new ArrayList<>();
            for (int c = 0; c < best.get(i).size(); c++) {
                views.add(ContextView.of(best.get(i).get(c), windows.window(i, c)));
            }
            List<LogitLens.TokenLogit> up = List.of();
            List<LogitLens.TokenLogit> down = List.of();
            if (lens != null) {
                float[] logits = lens.logits(sae.weights().wDec()[i]);
                up = lens.extreme(logits, settings.outputTokens(), true);
                down = lens.extreme(logits, settings.outputTokens(), false);
            }
            long count = scan.counts[i];
            cards.add(new LatentCard(i, featurePrefix + "/" + i, count, scan.rows == 0 ? 0 : (double) count / scan.rows,
                    scan.max[i], count == 0 ? 0 : scan.sums[i] / count, scan.histogram[i], views, up, down));
        }
        return new Dashboards(cards, scan.rows, (t1 - t0) / 1e9, (t2 - t1) / 1e9, lens != null);
    }

    /**
     * Writes {@code index.html}, {@code latents/N.html} and {@code dashboards.json}.
     *
     * @param dir the output directory
     * @param title the title, e.g. {@code SAE lm-relu on blocks.1.hook_resid_post}
     * @param hook the hook
     * @param run the cached run id
     */
    public void write(Path dir, String title, String hook, String run) {
        DashboardHtml.write(dir, title, cards, rows);
        DashboardJson.write(dir.resolve("dashboards.json"), hook, run, rows, cards);
    }

    /**
     * Adds the contexts to the context index.
     *
     * @param index the host's index, if any
     * @param model the model name
     * @param run the run id
     * @param hook the hook
     * @param layer its layer
     * @param mode when to add
     * @param out where to report
     * @return records added
     */
    public int publish(Optional<ContextIndex> index, String model, String run, String hook, int layer,
            ContextPublisher.Mode mode, PrintStream out) {
        String prefix = cards.isEmpty() ? "sae" : cards.get(0).feature().substring(0,
                cards.get(0).feature().lastIndexOf('/'));
        return ContextPublisher.publish(index, ContextPublisher.records(cards, model, run, hook, layer), prefix, run,
                hook, mode, out);
    }

    /** @return latents with dashboards */
    public int latents() {
        return cards.size();
    }

    /** @return latents that fired at least once */
    public long alive() {
        return cards.stream().filter(c -> c.count() > 0).count();
    }

    /** @return tokens scanned */
    public long rows() {
        return rows;
    }

    /** @return seconds of the statistics pass */
    public double scanSeconds() {
        return scanSeconds;
    }

    /** @return seconds of the histogram and window pass */
    public double secondPassSeconds() {
        return secondPassSeconds;
    }

    /** @return whether promoted and suppressed tokens were computed */
    public boolean withLogits() {
        return withLogits;
    }
}
