package org.vivarium.plugin.lorainterp.audit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.lorainterp.analysis.ContrastMeans;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.TargetAnalysis;
import org.vivarium.plugin.lorainterp.math.RandomCosines;
import org.vivarium.plugin.lorainterp.math.Vectors;
import org.vivarium.plugin.lorainterp.pass.Corpus;
import org.vivarium.plugin.lorainterp.pass.PromptRunner;
import org.vivarium.plugin.lorainterp.pass.PromptTokens;

/**
 * The claim's measurement on the test part: for every adapted weight, the cosine of its oriented output direction
 * (sign chosen on the selection prompts) with the contrastive mean difference of the test prompts at the same
 * output site and with the same contrast model, and where that cosine falls in the random-direction null.
 */
public final class TestCosines {
    /**
     * One weight's test numbers.
     *
     * @param cosine signed cosine with the test mean difference
     * @param quantile the null's quantile of {@code |cos|} (e.g. p99) against the test mean difference
     * @param nullFraction the fraction of random directions whose {@code |cos|} is below {@code cosine}
     */
    public record Result(double cosine, double quantile, double nullFraction) {
    }

    private TestCosines() {
    }

    /**
     * Measures the test cosines.
     *
     * @param a the analysis of the selection prompts
     * @param split the prompts
     * @param contrast the model the mean differences are taken with (the analysis's contrast model)
     * @param ctx progress
     * @return weight name to its result; empty without a test part or without measured directions
     */
    public static Map<String, Result> measure(LoraAnalysis a, PromptSplit split, Model contrast, MethodContext ctx) {
        Map<String, Result> out = new LinkedHashMap<>();
        Set<HookName> hooks = new LinkedHashSet<>();
        for (TargetAnalysis t : a.targets()) {
            if (Double.isFinite(t.cosMeanDifference())) {
                t.site().ifPresent(s -> hooks.add(s.output()));
            }
        }
        if (!split.hasTest() || hooks.isEmpty()) {
            return out;
        }
        Corpus corpus = Corpus.of(split.testPositives(), split.testNegatives(), List.of());
        ContrastMeans means = new ContrastMeans(corpus, List.copyOf(hooks));
        try (Progress p = ctx.progress("lora-interp: test-part contrast", corpus.size(), "prompt")) {
            PromptRunner.run(contrast, PromptTokens.encode(contrast, corpus.texts()), List.copyOf(hooks), means,
                    p::advance);
        }
        Map<String, double[]> md = means.differences();
        for (TargetAnalysis t : a.targets()) {
            double[] d = t.site().filter(s -> hooks.contains(s.output())).map(s -> md.get(s.output().path()))
                    .orElse(null);
            if (d == null) {
                continue;
            }
            double cos = Vectors.cosine(t.outputDirection(), d);
            RandomCosines nul = RandomCosines.against(d, a.settings().randomDirections(), a.settings().seed());
            out.put(t.target(), new Result(cos, nul.percentile(a.settings().nullQuantile()), nul.fractionBelow(cos)));
        }
        return out;
    }
}
