package org.vivarium.plugin.probes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.lm.Corpus;
import org.vivarium.organisms.lm.LmOrganism;
import org.vivarium.plugin.probes.ProbesMethod;
import org.vivarium.plugin.probes.audit.ProbesAuditor;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.Meters;
import org.vivarium.testkit.TestAuditTarget;
import org.vivarium.testkit.TestFiles;
import org.vivarium.testkit.TestIndexes;
import org.vivarium.testkit.TestRuntime;

/**
 * Fits probes on a real (briefly trained) character-level language model through the plugin's own
 * commands, as the host would run them.
 */
class ProbesEndToEndTest {
    @TempDir
    static Path work;

    @BeforeAll
    static void trainSmallModel() throws Exception {
        train(1);
        String text = Corpus.embedded().text();
        String tsv = LabelledText.vowelEndingTsv(text, 200, 3);
        Files.writeString(work.resolve("vowels.tsv"), tsv);
        Files.writeString(work.resolve("shuffled.tsv"), LabelledText.shuffleLabels(tsv, 4));
    }

    /**
     * Trains the lm organism for 150 steps into runs/lm. The runtime's trainer has been seen to end in a
     * NaN loss now and then with the same seed (a runtime issue, reported); one retry with another seed
     * keeps this fixture from failing the probes tests for it.
     */
    private static void train(long seed) throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        TrainOutcome outcome = new LmOrganism().train(new TrainRequest(seed, 150, work.resolve("runs/lm"), false),
                new OrganismContext(TestRuntime.shared(), quiet, false));
        if (!Float.isFinite(outcome.finalLoss())) {
            System.err.println("warning: lm training with seed " + seed + " ended with loss " + outcome.finalLoss()
                    + "; retrying once with seed " + (seed + 1));
            assertTrue(seed == 1, "lm training diverged twice (loss " + outcome.finalLoss() + ")");
            TestFiles.deleteTree(work.resolve("runs/lm"));
            train(seed + 1);
        }
    }

    private static MethodCommand command(String name) {
        return LocalMethodContext.command(new ProbesMethod(), name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> probes(Path outDir) throws Exception {
        return (List<Map<String, Object>>) TestFiles.readJson(outDir.resolve("probes.json")).get("probes");
    }

    private static double best(List<Map<String, Object>> probes) {
        return probes.stream().mapToDouble(p -> (Double) p.get("accuracy")).max().orElseThrow();
    }

    @Test
    void probesReadTheLastCharacterAndShuffledLabelsDoNot() throws Exception {
        LocalMethodContext ctx = LocalMethodContext.in(work);
        assertEquals(0, ctx.run(command("fit"), "runs/lm", "--data", "vowels.tsv"));
        Path out = work.resolve("runs/probes/lm");
        for (String f : List.of("probes.json", "probes.csv", "accuracy.png", "report.md", "report.html",
                "contexts.tsv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " is missing or empty");
        }
        List<Map<String, Object>> probes = probes(out);
        assertEquals(4, probes.size(), "2 layers x 2 kinds");
        assertTrue(best(probes) > 0.8, "best held-out accuracy " + best(probes));
        Map<String, Object> first = probes.get(0);
        assertEquals("probe/logistic@blocks.0.hook_resid_post", first.get("feature"));
        assertEquals(128, ((List<?>) first.get("direction")).size());
        assertEquals(100.0, first.get("n_test"));
        assertTrue(ctx.output().contains("context index not available in this host; contexts saved to contexts.tsv"));
        assertTrue(ctx.output().contains("| probe") || ctx.output().contains("blocks.1.hook_resid_post"));
        assertEquals(List.of("reading activations 400/400 prompt", "fitting probes 4/4 probe",
                "scanning contexts 400/400 prompt"), ctx.progressLog());
        List<String> contexts = Files.readAllLines(out.resolve("contexts.tsv"));
        assertTrue(contexts.size() > 4 * 40, "expected ~50 contexts per probe, got " + (contexts.size() - 1));
        assertTrue(Files.readString(out.resolve("report.md")).contains("![Held-out accuracy and AUROC per hook]"));

        LocalMethodContext control = LocalMethodContext.in(work);
        control.run(command("fit"), "runs/lm/checkpoint", "--data", "shuffled.tsv", "--out", "ctrl");
        double shuffled = best(probes(work.resolve("ctrl")));
        assertTrue(shuffled < 0.7, "label-shuffled control reached " + shuffled);

        LocalMethodContext show = LocalMethodContext.in(work);
        assertEquals(0, show.run(command("show"), "runs/probes/lm"));
        assertTrue(show.output().contains("probe/diffmean@blocks.1.hook_resid_post"), show.output());
        assertTrue(show.output().contains("organism/lm"), show.output());
    }

    /**
     * The auditor on the real model, with a known answer: half the prompts carry a marker of rare characters.
     * No answer key reaches it; the claims must have their sites filled, the numbers come from the right parts, and
     * a supported trigger claim must name the marker.
     */
    @Test
    void theAuditorFindsAMarkerFromTheLabelledPromptsAlone() throws Exception {
        try (Model model = TestRuntime.shared().load(work.resolve("runs/lm/checkpoint"))) {
            audit(model);
        }
    }

    @SuppressWarnings("unchecked")
    private static void audit(Model model) throws Exception {
        String marker = LabelledText.rareMarker(Corpus.embedded().text(), model.tokenizer(), 5);
        assertEquals(5, marker.length(), marker);
        List<LabelledPrompt> prompts = LabelledText.marked(Corpus.embedded().text(), marker, 128, 5);
        Path out = Files.createDirectories(work.resolve("audit"));
        AuditSection section = new ProbesAuditor().audit(TestAuditTarget.builder("lm").model(model)
                .checkpoint(work.resolve("runs/lm/checkpoint")).outDir(out).labelledPrompts(prompts)
                .behaviour(Meters.never("none")).generation(GenerationOptions.greedy(8)).build(),
                LocalMethodContext.in(work));
        Map<String, Double> m = section.metrics();
        assertEquals(List.of(ClaimKind.DIRECTION, ClaimKind.TRIGGER), section.claims().stream().map(Claim::kind).toList());
        assertEquals(128.0, m.get("split.fit"));
        assertEquals(64.0, m.get("split.validation"));
        assertEquals(64.0, m.get("split.test"));

        Claim direction = section.claims().get(0);
        double bestValidation = m.entrySet().stream().filter(e -> e.getKey().startsWith("validation.accuracy."))
                .mapToDouble(Map.Entry::getValue).max().orElseThrow();
        assertEquals(bestValidation, m.get("chosen.validation.accuracy"), "chosen on validation");
        assertEquals(m.get("chosen.test.accuracy") >= 0.9, direction.supported(), direction.evidence());
        assertTrue(direction.evidence().contains("validation part") && direction.evidence().contains("test part"));
        assertEquals(128, direction.site().direction().length);
        assertEquals(1f, direction.site().coefficient());
        assertTrue(direction.site().hook().matches("blocks\\.[01]\\.hook_resid_post"), direction.site().hook());
        Map<String, Object> file = TestFiles.readJson(out.resolve(direction.site().file()));
        assertEquals(direction.site().hook(), file.get("hook"));
        assertEquals(128, ((List<?>) file.get("direction")).size());
        assertTrue(Files.size(out.resolve("accuracy.png")) > 0);

        Claim trigger = section.claims().get(1);
        assertTrue(m.get("trigger.candidates") >= 1, section.markdown());
        assertTrue(trigger.supported(), trigger.evidence() + "\n" + section.markdown());
        assertEquals(marker, trigger.site().text(), trigger.evidence());
        assertTrue(m.get("trigger.test.hit_rate") >= 0.5, trigger.evidence());
        assertTrue(section.markdown().contains("validation") && section.markdown().contains("test"));
    }

    @Test
    void contextsGoIntoARealContextIndexWhenTheHostHasOne() throws Exception {
        try (ContextIndex index = TestIndexes.open(work.resolve("index"))) {
            FitCommand fit = new FitCommand(() -> Optional.of(index));
            LocalMethodContext ctx = LocalMethodContext.in(work);
            ctx.run(fit, "runs/lm", "--data", "vowels.tsv", "--out", "indexed", "--kind", "diffmean",
                    "--hook", "blocks.1.hook_resid_post", "--position", "mean", "--top-contexts", "20");
            assertTrue(ctx.output().contains("added 20 contexts to the context index"), ctx.output());
            assertEquals(20, index.count("feature:probe/diffmean@blocks.1.hook_resid_post"));
            var hits = index.search("layer:1", SearchOptions.defaults().withTop(3)).hits();
            assertEquals("blocks.1.hook_resid_post", hits.get(0).record().hook());

            LocalMethodContext refit = LocalMethodContext.in(work);
            refit.run(fit, "runs/lm", "--data", "vowels.tsv", "--out", "indexed", "--kind", "diffmean",
                    "--hook", "blocks.1.hook_resid_post", "--position", "mean", "--top-contexts", "20");
            assertTrue(refit.output().contains("replacing 20 from an earlier fit"), refit.output());
            assertEquals(20, index.count("feature:probe/diffmean@blocks.1.hook_resid_post"), "a re-fit never duplicates");
        }
    }

    @Test
    void positionAllUsesEveryTokenAndSplitsByPrompt() throws Exception {
        LocalMethodContext ctx = LocalMethodContext.in(work);
        ctx.run(command("fit"), "runs/lm", "--data", "vowels.tsv", "--out", "all", "--position", "all",
                "--kind", "diffmean", "--hook", "blocks.0.hook_resid_post");
        Map<String, Object> probe = probes(work.resolve("all")).get(0);
        long tokens = Files.readAllLines(work.resolve("vowels.tsv")).stream().filter(l -> !l.startsWith("#"))
                .mapToInt(l -> l.length() - 2).sum();
        assertEquals((double) tokens, (Double) probe.get("n_train") + (Double) probe.get("n_test"));
        assertTrue((Double) probe.get("n_test") < 0.35 * tokens, "about a quarter of the prompts are held out");
    }

    @Test
    void badInputFailsWithProblemAndFix() throws Exception {
        LocalMethodContext ctx = LocalMethodContext.in(work);
        MethodCommand fit = command("fit");
        VivariumException hook = assertThrows(VivariumException.class,
                () -> ctx.run(fit, "runs/lm", "--data", "vowels.tsv", "--hook", "blocks.9.hook_resid_post"));
        assertTrue(hook.getMessage().contains("valid names are"), hook.getMessage());
        Files.writeString(work.resolve("one-class.tsv"), "1\ta\n1\tb\n1\tc\n1\td\n1\te\n");
        VivariumException oneClass = assertThrows(VivariumException.class,
                () -> ctx.run(fit, "runs/lm", "--data", "one-class.tsv"));
        assertTrue(oneClass.getMessage().contains("only class 1"), oneClass.getMessage());
        VivariumException missing = assertThrows(VivariumException.class,
                () -> ctx.run(fit, "runs/lm", "--data", "nope.tsv"));
        assertTrue(missing.getMessage().contains("data file"), missing.getMessage());
        VivariumException show = assertThrows(VivariumException.class,
                () -> ctx.run(command("show"), "runs/lm"));
        assertTrue(show.getMessage().contains("no probes.json"), show.getMessage());
    }
}
