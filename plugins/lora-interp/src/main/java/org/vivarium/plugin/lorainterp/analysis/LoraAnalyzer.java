package org.vivarium.plugin.lorainterp.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.lorainterp.contexts.FiringContexts;
import org.vivarium.plugin.lorainterp.math.LowRankSvd;
import org.vivarium.plugin.lorainterp.math.RandomCosines;
import org.vivarium.plugin.lorainterp.math.Spectrum;
import org.vivarium.plugin.lorainterp.math.Vectors;
import org.vivarium.plugin.lorainterp.pass.Corpus;
import org.vivarium.plugin.lorainterp.pass.PromptRunner;
import org.vivarium.plugin.lorainterp.pass.PromptTokens;
import org.vivarium.plugin.lorainterp.site.TargetSite;
import org.vivarium.plugin.lorainterp.unembed.UnembedProjection;

/**
 * Runs the whole analysis of one adapter (see {@link TargetAnalysis} for what is measured).
 *
 * <pre>{@code
 * List<LoraFactor> factors = ctx.runtime().readAdapter(adapterDir);
 * LoraAnalysis a = new LoraAnalyzer(LoraInterpSettings.defaults()).analyze(new LoraInputs(factors,
 *         Optional.of(model), Optional.empty(), Corpus.of(pos, neg, List.of()), Optional.empty(), "em", "lora-interp/em"),
 *         ctx);
 * }</pre>
 *
 * <p>With a model and a corpus, the corpus runs once through the model (input hooks of every adapted weight)
 * and, when it has both positive and negative prompts, once through the contrast model (every residual site and
 * the output hooks); a single pass serves both when they are the same model.
 */
public final class LoraAnalyzer {
    private final LoraInterpSettings settings;

    /**
     * Creates an analyzer.
     *
     * @param settings counts, thresholds and seeds
     */
    public LoraAnalyzer(LoraInterpSettings settings) {
        this.settings = settings;
    }

    /**
     * Analyses an adapter.
     *
     * @param in the adapter, models, prompts and reference
     * @param ctx progress display and the host's linear algebra
     * @return the analysis
     * @throws VivariumException if the adapter is empty, targets an unsupported weight or does not fit the model
     */
    public LoraAnalysis analyze(LoraInputs in, MethodContext ctx) {
        if (in.factors().isEmpty()) {
            throw new VivariumException("the LoRA adapter adapts no weight", "pass the directory of a trained adapter");
        }
        List<FactorMatrices> mats = new ArrayList<>();
        List<Spectrum> spectra = new ArrayList<>();
        for (LoraFactor f : in.factors()) {
            FactorMatrices m = FactorMatrices.of(f);
            mats.add(m);
            spectra.add(LowRankSvd.of(ctx.linearAlgebra(), f.scale(), m.a(), m.b()));
        }
        List<Optional<TargetSite>> sites = new ArrayList<>();
        for (LoraFactor f : in.factors()) {
            sites.add(in.model().map(m -> {
                TargetSite s = TargetSite.of(f.target(), m.config());
                s.requireShape(f.a().size(0), f.b().size(1));
                return s;
            }));
        }
        Corpus corpus = in.corpus();
        Passes passes = in.model().isPresent() && corpus.size() > 0
                ? read(in, sites, mats, spectra, ctx) : Passes.NONE;
        boolean unembeds = sites.stream().anyMatch(s -> s.map(TargetSite::writesResidual).orElse(false));
        Map<String, Tensor> weights = unembeds ? in.model().orElseThrow().weights() : Map.of();
        List<TargetAnalysis> targets = new ArrayList<>();
        List<ContextRecord> contexts = new ArrayList<>();
        for (int i = 0; i < mats.size(); i++) {
            LoraFactor f = in.factors().get(i);
            targets.add(target(f, mats.get(i), spectra.get(i), sites.get(i), passes, in, weights, contexts,
                    ctx.linearAlgebra()));
        }
        return new LoraAnalysis(targets, contexts, corpus.count(Corpus.POSITIVE), corpus.count(Corpus.NEGATIVE),
                corpus.count(Corpus.UNLABELLED), passes.differences().isEmpty() ? Optional.empty()
                        : Optional.of(passes.contrastRole()), in.reference(), settings);
    }

    /** What the forward passes produced. */
    private record Passes(int[][] tokens, InputActivations activations, Map<String, double[]> differences,
            String contrastRole) {
        static final Passes NONE = new Passes(new int[0][], null, Map.of(), "");
    }

    private Passes read(LoraInputs in, List<Optional<TargetSite>> sites, List<FactorMatrices> mats,
            List<Spectrum> spectra, MethodContext ctx) {
        Model model = in.model().orElseThrow();
        Corpus corpus = in.corpus();
        LoraInputs.RoleModel contrast = in.contrastModel().orElse(new LoraInputs.RoleModel("audited", model));
        if (!contrast.model().config().equals(model.config())) {
            throw new VivariumException("the " + contrast.role() + " model's architecture differs from the audited "
                    + "model's", "compare models of the same organism");
        }
        List<HookName> contrastHooks = corpus.hasContrast() ? contrastHooks(model, sites) : List.of();
        List<InputActivations.Reader> readers = new ArrayList<>();
        for (int i = 0; i < mats.size(); i++) {
            FactorMatrices m = mats.get(i);
            double[][] dirs = new double[m.rank() + 1][];
            for (int k = 0; k < m.rank(); k++) {
                dirs[k] = m.column(k);
            }
            dirs[m.rank()] = spectra.get(i).left()[0];
            TargetSite s = sites.get(i).orElseThrow();
            readers.add(new InputActivations.Reader(s.target(), s.input(), dirs));
        }
        List<HookName> inputHooks = readers.stream().map(InputActivations.Reader::hook).toList();
        int[][] tokens = PromptTokens.encode(model, corpus.texts());
        ContrastMeans means = new ContrastMeans(corpus, contrastHooks);
        InputActivations acts = new InputActivations(readers, corpus.size());
        boolean shared = contrast.model() == model;
        long total = (long) corpus.size() * (shared || contrastHooks.isEmpty() ? 1 : 2);
        try (Progress p = ctx.progress("lora-interp: reading activations", total, "prompt")) {
            if (shared) {
                Set<HookName> all = new LinkedHashSet<>(contrastHooks);
                all.addAll(inputHooks);
                PromptRunner.run(model, tokens, List.copyOf(all), (i, a, r) -> {
                    means.visit(i, a, r);
                    acts.visit(i, a, r);
                }, p::advance);
            } else {
                PromptRunner.run(model, tokens, inputHooks, acts, p::advance);
                if (!contrastHooks.isEmpty()) {
                    PromptRunner.run(contrast.model(), PromptTokens.encode(contrast.model(), corpus.texts()),
                            contrastHooks, means, p::advance);
                }
            }
        }
        return new Passes(tokens, acts, means.differences(), contrast.role());
    }

    private static List<HookName> contrastHooks(Model model, List<Optional<TargetSite>> sites) {
        Set<HookName> hooks = new LinkedHashSet<>(ResidualSites.all(model.config()));
        sites.forEach(s -> hooks.add(s.orElseThrow().output()));
        return List.copyOf(hooks);
    }

    private TargetAnalysis target(LoraFactor f, FactorMatrices m, Spectrum sp, Optional<TargetSite> site,
            Passes passes, LoraInputs in, Map<String, Tensor> weights, List<ContextRecord> contexts, LinearAlgebra la) {
        double[] v1 = sp.right()[0];
        double[] md = site.map(s -> passes.differences().get(s.output().path())).orElse(null);
        double[] ref = in.reference().map(ReferenceDirection::vector).filter(r -> r.length == v1.length)
                .orElse(null);
        float[][][] acts = passes.activations() == null ? null : passes.activations().of(f.target());
        Corpus corpus = in.corpus();
        DirectionActivity top = acts == null ? DirectionActivity.NONE : DirectionActivity.of(acts, m.rank(), 1, corpus, la);
        double[] against = md != null ? md : ref;
        double quantile = against == null ? Double.NaN
                : RandomCosines.against(against, settings.randomDirections(), settings.seed())
                        .percentile(settings.nullQuantile());
        Orientation o = Orientation.choose(v1, md, ref, quantile, top.orientingMean());
        double[] out = o.apply(v1);
        double[] input = o.apply(sp.left()[0]);
        double[] bySite = new double[0];
        if (site.isPresent() && site.get().writesResidual() && !passes.differences().isEmpty()) {
            List<HookName> all = ResidualSites.all(in.model().orElseThrow().config());
            bySite = new double[all.size()];
            for (int i = 0; i < bySite.length; i++) {
                bySite[i] = Vectors.cosine(out, passes.differences().get(all.get(i).path()));
            }
        }
        Optional<UnembedProjection> unembed = site.filter(TargetSite::writesResidual).map(s -> UnembedProjection.of(
                weights, in.model().orElseThrow().config().options().rmsNorm(), out, in.model().orElseThrow().tokenizer(), settings.topTokens()));
        List<ColumnStats> columns = new ArrayList<>();
        for (int k = 0; k < m.rank(); k++) {
            double[] bk = m.row(k);
            DirectionActivity raw = acts == null ? DirectionActivity.NONE : DirectionActivity.of(acts, k, 1, corpus, la);
            Orientation ok = Orientation.choose(bk, md, ref, quantile, raw.orientingMean());
            DirectionActivity act = acts == null ? raw : DirectionActivity.of(acts, k, ok.sign(), corpus, la);
            columns.add(new ColumnStats(k, ok, md == null ? Double.NaN : Vectors.cosine(ok.apply(bk), md),
                    act.meanPositive(), act.meanNegative(), act.meanAll(), act.auroc()));
            if (acts != null) {
                contexts.addAll(contexts(f.target(), k, ok.sign(), acts, site.orElseThrow(), passes.tokens(), in));
            }
        }
        return new TargetAnalysis(f.target(), site, f.scale(), m.rank(), sp, o, Vectors.unit(out), Vectors.unit(input),
                md == null ? Double.NaN : Vectors.cosine(out, md), quantile, bySite,
                ref == null ? Double.NaN : Vectors.cosine(out, ref), unembed, columns,
                acts == null ? Double.NaN : sp.sigma()[0] * meanAbs(acts, m.rank()));
    }

    /** The mean of {@code |v|} over every token of every prompt of one direction's activations. */
    private static double meanAbs(float[][][] acts, int direction) {
        double sum = 0;
        long n = 0;
        for (float[][] prompt : acts) {
            for (float v : prompt[direction]) {
                sum += Math.abs(v);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private List<ContextRecord> contexts(String target, int k, int sign, float[][][] acts, TargetSite site,
            int[][] tokens, LoraInputs in) {
        float[][] oriented = new float[acts.length][];
        for (int p = 0; p < acts.length; p++) {
            float[] row = acts[p][k];
            oriented[p] = new float[row.length];
            for (int t = 0; t < row.length; t++) {
                oriented[p][t] = sign * row[t];
            }
        }
        FiringContexts.Source source = new FiringContexts.Source(featureId(target, k), in.modelName(), in.run(),
                site.input().path(), site.layer());
        return FiringContexts.build(source, oriented, tokens, in.model().orElseThrow().tokenizer(),
                settings.contextsPerFeature(), settings.windowTokens());
    }

    /**
     * Returns the context-index feature id of an input direction.
     *
     * @param target the adapted weight
     * @param k the component
     * @return {@code lora/TARGET/k}, e.g. {@code lora/blocks.2.mlp.W_out/0}
     */
    public static String featureId(String target, int k) {
        return "lora/" + target + "/" + k;
    }
}
