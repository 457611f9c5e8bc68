package org.vivarium.plugin.probes.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vivarium.api.context.Firing;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.probes.contexts.ContextPublisher;
import org.vivarium.plugin.probes.contexts.ContextRecords;
import org.vivarium.plugin.probes.contexts.ContextScanner;
import org.vivarium.plugin.probes.contexts.ProbeContext;
import org.vivarium.plugin.probes.data.LabelledPrompts;
import org.vivarium.plugin.probes.extract.FeatureExtractor;
import org.vivarium.plugin.probes.extract.FeatureSet;
import org.vivarium.plugin.probes.extract.ForwardPasses;
import org.vivarium.plugin.probes.extract.HookSelection;
import org.vivarium.plugin.probes.extract.PromptEncoder;
import org.vivarium.plugin.probes.fit.ProbeFitter;
import org.vivarium.plugin.probes.fit.ProbeResult;
import org.vivarium.plugin.probes.math.StratifiedSplit;
import org.vivarium.plugin.probes.report.FitProvenance;
import org.vivarium.plugin.probes.report.ProbeReport;
import org.vivarium.plugin.probes.report.ProbesJson;
import org.vivarium.plugin.probes.report.ResultsTable;
import org.vivarium.report.table.MarkdownTable;

/**
 * {@code viv probes fit CKPT --data FILE.tsv ...}: reads the labelled prompts, runs the model once to
 * collect activations at the selected hooks, fits and scores each probe kind per hook on a stratified
 * split, runs once more to find each probe's top-activating contexts, and writes the artifacts.
 */
public final class FitCommand implements MethodCommand {
    private final Supplier<Optional<ContextIndex>> index;

    /**
     * @param index supplies the host's context index, if it has one, at the time the command runs
     */
    public FitCommand(Supplier<Optional<ContextIndex>> index) {
        this.index = index;
    }

    @Override
    public String name() {
        return "fit";
    }

    @Override
    public String usage() {
        return FitOptions.USAGE;
    }

    @Override
    public String summary() {
        return "fit logistic, difference-of-means and MLP probes per hook on a labelled prompt set";
    }

    @Override
    public List<CommandOption> options() {
        return FitOptions.OPTIONS;
    }

    @Override
    public int run(CommandInput args, MethodContext ctx) {
        FitOptions o = FitOptions.parse(args, ctx.workDir());
        LabelledPrompts data = LabelledPrompts.read(o.data());
        int[] labels = data.labels();
        StratifiedSplit split = StratifiedSplit.of(labels, o.settings().testFraction(), o.settings().seed());
        int n = labels.length;
        try (Model model = ctx.runtime().load(o.checkpoint())) {
            List<HookName> hooks = HookSelection.select(o.settings().hookSpec(), model.config());
            int[][] tokens = PromptEncoder.encode(model.tokenizer(), data.prompts(), model.config().nCtx());
            ForwardPasses passes = new ForwardPasses(model, tokens, hooks);
            Map<String, FeatureSet> features;
            try (Progress p = ctx.progress("reading activations", n, "prompt")) {
                features = FeatureExtractor.extract(passes, hooks, o.settings().position(), n, p);
            }
            List<ProbeResult> results;
            try (Progress p = ctx.progress("fitting probes", (long) hooks.size() * o.settings().kinds().size(),
                    "probe")) {
                results = new ProbeFitter(o.settings(), ctx.linearAlgebra()).fit(features, labels, split, p);
            }
            List<TokenText> texts = new ArrayList<>(n);
            for (int[] ids : tokens) {
                texts.add(TokenText.of(model.tokenizer(), ids));
            }
            Map<String, List<Firing>> best;
            try (Progress p = ctx.progress("scanning contexts", n, "prompt")) {
                best = ContextScanner.scan(passes, results, texts, o.topContexts(), p);
            }
            List<ProbeContext> contexts = ContextRecords.build(results, best, texts, data.prompts(), o.modelName(),
                    "probes/" + o.out().getFileName());
            FitProvenance prov = new FitProvenance(o.checkpoint().toString(), o.modelName(), model.provenance(),
                    o.data().toString(), data.sha256(), n, o.settings(), Instant.now().toString());
            write(o, prov, results, contexts, ctx.out());
        }
        return 0;
    }

    private void write(FitOptions o, FitProvenance prov, List<ProbeResult> results, List<ProbeContext> contexts,
            PrintStream out) {
        new ProbeReport(prov, results, contexts).write(o.out());
        ContextPublisher.publish(index.get(), contexts, o.out(), out);
        ProbesJson.write(o.out(), prov, results);
        out.print(MarkdownTable.of(ResultsTable.of(results)).render());
        out.println("wrote " + o.out() + " (probes.json, probes.csv, accuracy.png, report.md, report.html, "
                + "contexts.tsv)");
    }
}
