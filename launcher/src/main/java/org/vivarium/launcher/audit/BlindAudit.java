package org.vivarium.launcher.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.InvalidSyntaxException;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.method.CommandInput;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.args.SeedList;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.organism.CheckpointPaths;
import org.vivarium.launcher.organism.RunCards;
import org.vivarium.organisms.BlindData;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.OrganismCatalog;
import org.vivarium.organisms.card.TruthCard;

/**
 * {@code viv audit ORGANISM --blind [--seeds 1-5] [--steps N] [--out DIR] [--methods a,b]}: a benchmark with ground
 * truth. Per seed, in {@code DIR/seed-K}: the organism is trained (or an existing run of that seed reused) and its
 * card sealed; every installed auditor gets a {@link BlindAuditTarget} (model, base model, secret-free corpus,
 * meters; no labelled prompts, no card) and is timed; the {@link Investigator} merges their claims; only then is
 * the card unsealed and every claim verified by the organism's scorer (with the comparison models the open-book
 * audit data names, loaded host-side). Each seed gets the usual report in {@code DIR/seed-K/audit/}; the seeds
 * together give {@code DIR/leaderboard.{md,html,json,png}}. Exits 1 when an auditor failed on some seed.
 */
final class BlindAudit {
    private final Organism organism;
    private final CommandInput flags;
    private final CliContext ctx;
    private final String command;
    /** Seconds spent preparing (training or reusing) the seeds' organisms in this run. */
    private double prepareSeconds;

    /**
     * @param organism the organism
     * @param flags the parsed command line
     * @param ctx streams, host and environment
     * @param command the command line, for the leaderboard
     */
    BlindAudit(Organism organism, CommandInput flags, CliContext ctx, String command) {
        this.organism = organism;
        this.flags = flags;
        this.ctx = ctx;
        this.command = command;
    }

    /**
     * Runs the benchmark.
     *
     * @return the exit code
     * @throws InvalidSyntaxException never (no service filter is used)
     */
    int run() throws InvalidSyntaxException {
        List<Long> seeds = SeedList.parse(flags.get("seeds", "1"), AuditCommand.USAGE);
        int steps = flags.getInt("steps", 0);
        if (!hasBlindData(organism)) {
            throw noBlindData();
        }
        Path dir = flags.path("out", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("runs", organism.name() + "-blind")));
        List<Auditor> auditors = InstalledAuditors.find(ctx.host().bundleContext(), flags.get("methods", null),
                AuditCommand.USAGE);
        RunHeader header = RunHeader.start(command, seeds, steps, ctx.env());
        ModelRuntime runtime = ctx.host().runtime();
        ctx.out().printf("blind audit of %s: seeds %s, %d method(s) + the investigator -> %s%n", organism.name(),
                seeds, auditors.size(), dir);
        List<SeedResult> results = new ArrayList<>();
        prepareSeconds = 0;
        for (int i = 0; i < seeds.size(); i++) {
            String progress = "seed " + (i + 1) + "/" + seeds.size() + ": ";
            results.add(auditSeed(seeds.get(i), steps, dir.resolve("seed-" + seeds.get(i)), auditors, runtime,
                    progress));
        }
        List<String> methods = new ArrayList<>(auditors.stream().map(Auditor::name).toList());
        methods.add(Investigator.NAME);
        Leaderboard lb = new Leaderboard(organism.name(), header.finished(prepareSeconds), methods, results);
        Path md = LeaderboardFiles.write(dir, lb);
        summarize(lb, md);
        List<String> failed = new ArrayList<>();
        for (SeedResult r : results) {
            r.failures().keySet().stream().sorted().forEach(m -> failed.add(m + " (seed " + r.seed() + ")"));
        }
        return AuditorRunner.exitCode(failed, ctx);
    }

    private SeedResult auditSeed(long seed, int steps, Path runDir, List<Auditor> auditors, ModelRuntime runtime,
            String progress) {
        long t0 = System.nanoTime();
        BlindRun.prepare(organism, seed, steps, runDir, runtime, ctx, progress);
        prepareSeconds += (System.nanoTime() - t0) / 1e9;
        Path ckpt = CheckpointPaths.resolve(runDir);
        Path auditDir = runDir.resolve("audit");
        // a previous audit's report names the secret, and auditors' old outputs may too: start clean
        deleteTree(auditDir);
        AuditReport report = new AuditReport(organism.name(), true);
        try (Model model = runtime.load(ckpt)) {
            BlindData data = organism.blindData(model).orElseThrow(this::noBlindData);
            Map<String, String> baseOnly = new LinkedHashMap<>(data.comparisonCheckpoints());
            baseOnly.keySet().retainAll(List.of("base"));
            Map<String, Model> base = ComparisonModels.load(runtime, runDir, baseOnly);
            try {
                Map<String, Path> paths = ComparisonModels.paths(runDir, baseOnly);
                AuditorRunner.runAll(auditors, a -> new BlindAuditTarget(organism.name(), model, ckpt,
                        auditDir.resolve(a.name()), data, base, paths), report, ctx, progress);
            } finally {
                base.values().forEach(Model::close);
            }
            ctx.err().println(progress + Investigator.NAME + " ...");
            long t1 = System.nanoTime();
            report.add(Investigator.merge(report.sections()));
            report.timed(Investigator.NAME, (System.nanoTime() - t1) / 1e9);
            TruthCard card = RunCards.unseal(runDir, ctx.env());
            report.unsealed(card);
            Map<String, String> roles = organism.auditData(model).map(d -> d.extras().comparisonCheckpoints())
                    .orElse(Map.of());
            Map<String, Model> comparisons = ComparisonModels.load(runtime, runDir, roles);
            try {
                ClaimScoring.score(report, organism.scorer(card, model, comparisons), ctx, progress);
            } finally {
                comparisons.values().forEach(Model::close);
            }
        }
        Path md = report.write(auditDir);
        long found = report.score().values().stream().filter(b -> b).count();
        ctx.out().printf("seed %d: %d of %d planted properties found by verified claims; %d false claim(s); report:"
                + " %s%n", seed, found, report.score().size(), report.falseClaims(), md);
        return SeedResult.of(seed, runDir, md, report);
    }

    private void summarize(Leaderboard lb, Path md) {
        ctx.out().println("leaderboard (verified seeds / seeds per claim kind):");
        for (String m : lb.methods()) {
            String cells = lb.kinds().stream().map(k -> k.id() + " " + lb.cell(m, k).successes() + "/"
                    + lb.cell(m, k).trials()).collect(Collectors.joining(", "));
            ctx.out().printf("  %-16s %s; %d false claim(s); %.1f s per seed%n", m, cells.isEmpty() ? "nothing planted"
                    : cells, lb.falseClaims(m), lb.meanSeconds(m));
        }
        ctx.out().println("leaderboard: " + md + " (also .html, .json, .png)");
    }

    /** Whether an organism gives blind data at all (overrides {@link Organism#blindData}), asked without a model. */
    private static boolean hasBlindData(Organism o) {
        try {
            return o.getClass().getMethod("blindData", Model.class).getDeclaringClass() != Organism.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private VivariumException noBlindData() {
        List<String> have = OrganismCatalog.builtIn().organisms().stream().filter(BlindAudit::hasBlindData)
                .map(Organism::name).toList();
        return new VivariumException("organism " + organism.name() + " has no blind data (a secret-free corpus and"
                + " meters for auditors who see no labelled prompts)", have.isEmpty()
                ? "no built-in organism has blind data yet; run the open-book 'viv audit " + organism.name() + "'"
                : "audit one that has: " + String.join(", ", have) + " (or the open-book 'viv audit "
                        + organism.name() + "')");
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new VivariumException("cannot clear the previous audit in " + dir + ": " + e.getMessage(),
                    "delete it yourself, or pass another --out", e);
        }
    }
}
